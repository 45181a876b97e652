import * as React from "react";
import { showRootComponent } from "../common/bootstrap";
import { TimePage } from "./time-page";

showRootComponent(<TimePage />, { trialBar: true });
