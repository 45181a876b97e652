/**
 * @azure/functions is a webpack-built CommonJS bundle whose named exports Node's ESM loader
 * cannot see, so named imports fail when the app runs as ES modules (local host, tests).
 * Everything imports the runtime values from here; types come from the package directly.
 */
import azureFunctions from "@azure/functions";

export const { app, HttpRequest, InvocationContext } = azureFunctions;
