/**
 * Entry point of the Functions app: importing a handler module registers its routes.
 * The local host (dev/functions-host) and Azure load this same file.
 */
import "./handlers/health";
import "./handlers/me";
import "./handlers/users/index";
import "./handlers/time/index";
import "./handlers/billing/index";
