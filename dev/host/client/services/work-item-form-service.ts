import type { WorkItemSession } from "../work-item-session";

// ms.vss-work-web.work-item-form (IWorkItemFormService in azure-devops-extension-api
// WorkItemTracking/WorkItemTrackingServices.d.ts), answered from the work item
// open in the form view.

export interface WorkItemFormDeps {
  activeWorkItem(): WorkItemSession | undefined;
  resourceUrl(workItemId: number): string;
  showFormError(message: string | undefined): void;
}

const ALLOWED_VALUES: Record<string, string[]> = {
  "System.State": ["New", "Active", "Resolved", "Closed", "Removed"],
};

const RELATION_TYPES = [
  { referenceName: "System.LinkTypes.Hierarchy-Forward", name: "Child", attributes: { usage: "workItemLink" } },
  { referenceName: "System.LinkTypes.Hierarchy-Reverse", name: "Parent", attributes: { usage: "workItemLink" } },
  { referenceName: "System.LinkTypes.Related", name: "Related", attributes: { usage: "workItemLink" } },
  { referenceName: "Hyperlink", name: "Hyperlink", attributes: { usage: "resourceLink" } },
];

/** `returnOriginalValue` comes as a boolean (old overload) or inside an options object. */
function wantsOriginal(arg: unknown): boolean {
  if (typeof arg === "boolean") return arg;
  return Boolean(arg && typeof arg === "object" && (arg as { returnOriginalValue?: unknown }).returnOriginalValue);
}

function fieldInfo(name: string) {
  return { referenceName: name, name: name.split(".").pop() ?? name, readOnly: false, isIdentity: false };
}

export function createWorkItemFormService(deps: WorkItemFormDeps): object {
  const session = (): WorkItemSession => {
    const item = deps.activeWorkItem();
    if (!item) throw new Error("No work item form is open.");
    return item;
  };
  return {
    hasActiveWorkItem: () => deps.activeWorkItem() !== undefined,
    getId: () => session().id,
    getRevision: () => session().rev,
    isNew: () => (session(), false),
    isValid: () => (session(), true),
    isDirty: () => session().isDirty(),
    getFields: () => session().fieldNames().map(fieldInfo),
    getFieldValue: (name: string, options?: unknown) => session().getField(name, wantsOriginal(options)) ?? null,
    getIdentityFieldValue: (name: string, options?: unknown) =>
      toIdentityRef(session().getField(name, wantsOriginal(options))),
    getFieldValues: (names: string[], options?: unknown) => {
      const item = session();
      return Object.fromEntries(names.map((n) => [n, item.getField(n, wantsOriginal(options)) ?? null]));
    },
    setFieldValue: (name: string, value: unknown) => session().setFields({ [name]: value })[name] ?? false,
    setFieldValues: (values: Record<string, unknown>) => session().setFields(values),
    getAllowedFieldValues: (name: string) => ALLOWED_VALUES[name] ?? [],
    getInvalidFields: () => [],
    getDirtyFields: () => session().dirtyFields().map(fieldInfo),
    setError: (message: string) => deps.showFormError(message),
    clearError: () => deps.showFormError(undefined),
    save: () => session().save(),
    beginSaveWorkItem: async (onSuccess?: () => unknown, onError?: () => unknown) => {
      try {
        session().save();
        await onSuccess?.();
      } catch {
        await onError?.();
      }
    },
    refresh: () => session().reset(),
    reset: () => session().reset(),
    getWorkItemRelations: () => session().getRelations(),
    addWorkItemRelations: (relations: unknown[]) => session().addRelations(relations),
    removeWorkItemRelations: (relations: unknown[]) => session().removeRelations(relations),
    getWorkItemRelationTypes: () => RELATION_TYPES,
    getWorkItemResourceUrl: (id: number) => deps.resourceUrl(id),
  };
}

/** Identity fields may come from the stand-in as objects or as "Name <email>" strings. */
function toIdentityRef(value: unknown): unknown {
  if (value && typeof value === "object") return value;
  if (typeof value !== "string" || !value) return null;
  const match = /^(.*)<([^>]+)>\s*$/.exec(value);
  const displayName = (match ? match[1] : value).trim();
  const uniqueName = match ? match[2] : value;
  return { displayName, uniqueName, id: "", descriptor: "" };
}
