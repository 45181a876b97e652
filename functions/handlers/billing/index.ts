/** Registers the billing routes: one import per handler module. */
import "./subscription";
import "./checkout";
import "./change";
import "./billing-details";
import "./chargebee-webhook";
