import * as React from "react";
import { showRootComponent } from "../common/bootstrap";
import { WorkItemGroup } from "./work-item-group";

showRootComponent(<WorkItemGroup />);
