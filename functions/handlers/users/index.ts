/** Registers the users routes: one import per handler module. */
import "./overview";
import "./members";
import "./roles";
import "./directory";
import "./audit";
import "./service-account";
import "./tokens";
import "./rest-roles";
import "./rest-openapi";
import "./reconcile-timer";
import "./group-rules";
import "./rest-group-rules";
import "./group-rules-timer";
