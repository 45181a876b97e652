import { registerHostObject } from "./sdk-lifecycle";

/**
 * Registers the handler of a menu action (`ms.vss-web.action`) under its
 * `registeredObjectId`. The host passes a context object whose shape depends on the menu;
 * for the work item toolbar it carries the work item id.
 */
export function registerMenuAction(
  registeredObjectId: string,
  execute: (context: unknown) => void | Promise<void>,
): void {
  registerHostObject(registeredObjectId, { execute });
}

/** The work item id from a work item menu's action context; undefined for unsaved items. */
export function workItemIdFromActionContext(context: unknown): number | undefined {
  if (typeof context !== "object" || context === null) return undefined;
  const fields = context as Record<string, unknown>;
  for (const key of ["workItemId", "id"]) {
    const value = fields[key];
    if (typeof value === "number" && value > 0) return value;
  }
  return undefined;
}
