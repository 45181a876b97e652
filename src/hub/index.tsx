import * as React from "react";
import { showRootComponent } from "../common/bootstrap";
import { HubPage } from "./hub-page";

showRootComponent(<HubPage />, { trialBar: true });
