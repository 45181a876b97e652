/** Registers the time routes: one import per handler module. */
import "./worklogs";
import "./worklog";
import "./timer";
import "./activity-types";
import "./time-settings";
import "./time-context";
import "./work-item-time";
