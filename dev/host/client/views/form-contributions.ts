import type { HostContribution, StandinProject } from "../../shared/config-types";
import type { ContributionFrame, FrameSize } from "../contribution-frame";
import type { FrameHost } from "../frame-host";
import type { WorkItemSession } from "../work-item-session";

const UNLOAD_GRACE_MS = 500;

/**
 * Our contributions on one work item form: groups, pages and toolbar actions.
 * Like Azure DevOps it calls the object each group/page registered under its
 * contribution id: onLoaded once the page is up, then onFieldChanged, onSaved,
 * onRefreshed, and onUnloaded when the form closes.
 */
export class FormContributions {
  /** Per group/page frame: settles once onLoaded was delivered (rejects if the page registered nothing). */
  private readonly listeners = new Map<ContributionFrame, Promise<unknown>>();
  private readonly listening = new Set<ContributionFrame>();
  private readonly actionFrames = new Map<string, ContributionFrame>();
  private readonly stopListening: () => void;

  constructor(
    private readonly frames: FrameHost,
    private readonly session: WorkItemSession,
    private readonly project: StandinProject | undefined,
    /** Where hidden action frames live. */
    private readonly actionRoot: HTMLElement,
  ) {
    const id = session.id;
    this.stopListening = session.listen({
      fieldChanged: (changedFields) => this.broadcast("onFieldChanged", { id, changedFields }),
      saved: () => this.broadcast("onSaved", { id }),
      refreshed: () => this.broadcast("onRefreshed", { id }),
    });
  }

  mount(parent: HTMLElement, contribution: HostContribution, onResize?: (size: FrameSize) => void): ContributionFrame {
    const frame = this.frames.mount(parent, {
      contribution,
      project: this.project,
      className: contribution.type.endsWith("form-group") ? "group-frame" : "page-frame",
      onResize: onResize ?? (() => undefined),
    });
    const loadedArgs = { id: this.session.id, isNew: false, isReadOnly: false };
    const delivered = frame.invokeRegistered("onLoaded", [loadedArgs]);
    delivered.then(
      () => this.listening.add(frame),
      (e: unknown) => console.warn(`[dev host] ${contribution.id}: onLoaded not delivered:`, (e as Error).message),
    );
    this.listeners.set(frame, delivered);
    return frame;
  }

  /** Runs a toolbar menu action the way Azure DevOps does: its page in a hidden frame, `execute(context)`. */
  async runAction(action: HostContribution): Promise<void> {
    let frame = this.actionFrames.get(action.id);
    if (!frame) {
      frame = this.frames.mount(this.actionRoot, {
        contribution: action,
        project: this.project,
        className: "action-frame",
      });
      this.actionFrames.set(action.id, frame);
    }
    const context = this.actionContext();
    const handler = await frame.getRegisteredObject();
    if (isFunction(handler.execute)) {
      await handler.execute(context);
      return;
    }
    // Older style: getMenuItems(context) returns items with an `action` callback.
    if (isFunction(handler.getMenuItems)) {
      const items = (await handler.getMenuItems(context)) as { action?: (ctx: unknown) => unknown }[] | undefined;
      const first = items?.find((item) => typeof item.action === "function");
      if (first?.action) {
        await first.action(context);
        return;
      }
    }
    throw new Error(`${action.id} registered an object without execute(actionContext).`);
  }

  /** Says onUnloaded to the pages that listen (waiting briefly for them), then removes all frames. */
  async dispose(): Promise<void> {
    this.stopListening();
    const listening = [...this.listening];
    const unloaded = Promise.all(listening.map((frame) => this.deliver(frame, "onUnloaded", { id: this.session.id })));
    await Promise.race([unloaded, new Promise((r) => setTimeout(r, UNLOAD_GRACE_MS))]);
    for (const frame of [...this.listeners.keys(), ...this.actionFrames.values()]) this.frames.unmount(frame);
    this.listeners.clear();
    this.listening.clear();
    this.actionFrames.clear();
  }

  /** What the work item toolbar passes to menu actions. */
  private actionContext(): Record<string, unknown> {
    const s = this.session;
    return {
      id: s.id,
      workItemId: s.id,
      ids: [s.id],
      workItemIds: [s.id],
      workItemTypeName: s.typeName,
      workItemDirty: s.isDirty(),
      isNew: false,
      rev: s.rev,
      title: s.title,
      currentProjectGuid: this.project?.id,
      currentProjectName: this.project?.name,
    };
  }

  private broadcast(method: string, args: Record<string, unknown>): void {
    for (const frame of this.listeners.keys()) void this.deliver(frame, method, args);
  }

  private async deliver(frame: ContributionFrame, method: string, args: Record<string, unknown>): Promise<void> {
    try {
      await this.listeners.get(frame); // never before onLoaded; not at all if nothing was registered
      await frame.invokeRegistered(method, [args]);
    } catch {
      // The page registered no listener, or it is gone: events are best effort, as in Azure DevOps.
    }
  }
}

/** A function on a page's registered object; called as a method of that object, as Azure DevOps does. */
type RegisteredFunction = (...args: unknown[]) => unknown;

function isFunction(value: unknown): value is RegisteredFunction {
  return typeof value === "function";
}
