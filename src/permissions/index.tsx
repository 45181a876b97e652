import * as React from "react";
import { showRootComponent } from "../common/bootstrap";
import { PermissionsPage } from "./permissions-page";

showRootComponent(<PermissionsPage />, { trialBar: true });
