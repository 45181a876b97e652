import * as React from "react";
import { showRootComponent } from "../common/bootstrap";
import { SubscriptionPage } from "./subscription-page";

showRootComponent(<SubscriptionPage />);
