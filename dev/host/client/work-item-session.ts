import type { StandinWorkItem } from "../shared/config-types";
import { textOf } from "./text";

export interface WorkItemEvents {
  fieldChanged(changedFields: Record<string, unknown>): void;
  saved(): void;
  refreshed(): void;
}

/** Fields the form never lets anyone write, on Azure DevOps neither. */
const READ_ONLY_FIELDS = new Set([
  "System.Id",
  "System.Rev",
  "System.CreatedDate",
  "System.CreatedBy",
  "System.ChangedDate",
  "System.ChangedBy",
]);

export function isReadOnlyField(name: string): boolean {
  return READ_ONLY_FIELDS.has(name);
}

/**
 * The work item open in the form view: what IWorkItemFormService reads and
 * writes. Edits stay in the host page (the stand-in's data is not changed);
 * "Save" makes them the new saved state and raises onSaved in the frames.
 */
export class WorkItemSession {
  private saved: Record<string, unknown>;
  private current: Record<string, unknown>;
  private relations: unknown[];
  private revision = 1;
  private readonly listeners = new Set<WorkItemEvents>();

  constructor(private readonly item: StandinWorkItem) {
    this.saved = { ...item.fields };
    this.current = { ...item.fields };
    this.relations = [...(item.relations ?? [])];
    const rev = item.fields["System.Rev"];
    if (typeof rev === "number") this.revision = rev;
  }

  get id(): number {
    return this.item.id;
  }

  get rev(): number {
    return this.revision;
  }

  get typeName(): string {
    return textOf(this.current["System.WorkItemType"] ?? "Task");
  }

  get title(): string {
    return textOf(this.current["System.Title"] ?? `Work item ${this.id}`);
  }

  listen(events: WorkItemEvents): () => void {
    this.listeners.add(events);
    return () => this.listeners.delete(events);
  }

  fieldNames(): string[] {
    return Object.keys(this.current);
  }

  getField(name: string, original = false): unknown {
    return (original ? this.saved : this.current)[name];
  }

  setFields(values: Record<string, unknown>): Record<string, boolean> {
    const changed: Record<string, unknown> = {};
    const result: Record<string, boolean> = {};
    for (const [name, value] of Object.entries(values)) {
      const writable = !isReadOnlyField(name);
      result[name] = writable;
      if (writable && this.current[name] !== value) {
        this.current[name] = value;
        changed[name] = value;
      }
    }
    if (Object.keys(changed).length > 0) this.emit((l) => l.fieldChanged(changed));
    return result;
  }

  dirtyFields(): string[] {
    return Object.keys(this.current).filter((k) => this.current[k] !== this.saved[k]);
  }

  isDirty(): boolean {
    return this.dirtyFields().length > 0;
  }

  getRelations(): unknown[] {
    return [...this.relations];
  }

  addRelations(relations: unknown[]): void {
    this.relations.push(...relations);
    this.emit((l) => l.fieldChanged({ "System.RelatedLinkCount": this.relations.length }));
  }

  removeRelations(relations: unknown[]): void {
    const urls = new Set(relations.map((r) => (r as { url?: unknown }).url));
    this.relations = this.relations.filter((r) => !urls.has((r as { url?: unknown }).url));
    this.emit((l) => l.fieldChanged({ "System.RelatedLinkCount": this.relations.length }));
  }

  save(): void {
    this.revision += 1;
    this.current["System.Rev"] = this.revision;
    this.current["System.ChangedDate"] = new Date().toISOString();
    this.saved = { ...this.current };
    this.emit((l) => l.saved());
  }

  reset(): void {
    this.current = { ...this.saved };
    this.emit((l) => l.refreshed());
  }

  private emit(call: (listener: WorkItemEvents) => void): void {
    for (const listener of [...this.listeners]) call(listener);
  }
}
