import { ConflictError, NotFoundError, ValidationError } from "./errors";

/**
 * Activity types of an org (Development, Testing, ...): added, renamed and archived by
 * Administrators. Archived types stay on old worklogs but cannot be chosen for new time.
 */
export interface ActivityType {
  id: string;
  name: string;
  archived: boolean;
}

export const DEFAULT_ACTIVITY_TYPE_NAMES = ["Development", "Testing", "Meeting", "Documentation"] as const;
export const MAX_ACTIVITY_TYPES = 100;
const MAX_NAME_LENGTH = 60;

export function defaultActivityTypes(newId: () => string): ActivityType[] {
  return DEFAULT_ACTIVITY_TYPE_NAMES.map((name) => ({ id: newId(), name, archived: false }));
}

function cleanName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, " ");
  if (name === "") throw new ValidationError("An activity type needs a name.");
  if (name.length > MAX_NAME_LENGTH)
    throw new ValidationError(`An activity type name can be at most ${MAX_NAME_LENGTH} characters long.`);
  return name;
}

function assertUnique(types: readonly ActivityType[], name: string, exceptId?: string): void {
  const clash = types.find((t) => t.id !== exceptId && t.name.toLowerCase() === name.toLowerCase());
  if (clash) {
    throw new ConflictError(
      `An activity type named '${clash.name}' exists already${clash.archived ? " (archived: restore it instead)" : ""}.`,
    );
  }
}

export function addActivityType(types: readonly ActivityType[], rawName: string, id: string): ActivityType[] {
  const name = cleanName(rawName);
  assertUnique(types, name);
  if (types.length >= MAX_ACTIVITY_TYPES)
    throw new ValidationError(`An organization can have at most ${MAX_ACTIVITY_TYPES} activity types.`);
  return [...types, { id, name, archived: false }];
}

export function changeActivityType(
  types: readonly ActivityType[],
  id: string,
  change: { name?: string; archived?: boolean },
): ActivityType[] {
  const current = types.find((t) => t.id === id);
  if (!current) throw new NotFoundError(`There is no activity type with id '${id}'.`);
  const name = change.name === undefined ? current.name : cleanName(change.name);
  if (name !== current.name) assertUnique(types, name, id);
  const updated: ActivityType = { id, name, archived: change.archived ?? current.archived };
  return types.map((t) => (t.id === id ? updated : t));
}

/** An activity type new time may use: it exists and is not archived. */
export function assertSelectable(types: readonly ActivityType[], id: string): void {
  const type = types.find((t) => t.id === id);
  if (!type) throw new ValidationError(`There is no activity type with id '${id}'.`);
  if (type.archived) throw new ValidationError(`The activity type '${type.name}' is archived; choose another one.`);
}
