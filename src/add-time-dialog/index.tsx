import * as React from "react";
import { showRootComponent } from "../common/bootstrap";
import { AddTimeDialog } from "./add-time-dialog";

showRootComponent(<AddTimeDialog />);
