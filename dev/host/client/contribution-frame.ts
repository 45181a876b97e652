import type { HostContribution, StandinProject } from "../shared/config-types";
import { h } from "./dom";
import type { XdmChannel } from "./xdm/channel";

export interface FrameSize {
  width?: number;
  height?: number;
}

export interface FrameOptions {
  contribution: HostContribution;
  src: string;
  /** Configuration the page reads with SDK.getConfiguration(). */
  configuration?: Record<string, unknown>;
  /** Project of the page; omitted for organization-level pages. */
  project?: StandinProject;
  className?: string;
  /** Where SDK.resize() goes; without it the frame's own height follows. */
  onResize?(size: FrameSize): void;
}

/** Warn in the frame's container when a page never says hello. */
const HANDSHAKE_WARNING_MS = 15_000;
/**
 * Retries when a loaded page has not registered the object yet. Azure DevOps does
 * not wait long either: pages must SDK.register() before they report being loaded.
 */
const REGISTRATION_RETRY_DELAYS_MS = [250, 1000];

/**
 * One contribution in an iframe: its container (with loading and failure
 * states), its XDM channel and access to the objects the page registered.
 */
export class ContributionFrame {
  readonly element: HTMLDivElement;
  readonly iframe: HTMLIFrameElement;
  readonly loaded: Promise<void>;
  /** Until the host answers initialHandshake, the SDK in the frame ignores the host. */
  handshakeDone = false;
  private readonly status: HTMLDivElement;
  private markLoadedNow!: () => void;
  private channel?: XdmChannel;
  private warningTimer?: number;
  private resolvedInstanceId?: string;

  constructor(readonly options: FrameOptions) {
    const name = options.contribution.name ?? options.contribution.id;
    this.iframe = h("iframe", { title: name, "data-contribution": options.contribution.id });
    this.status = h("div", { className: "frame-status", role: "status" }, `Loading ${name}…`);
    this.element = h(
      "div",
      { className: `contribution-frame ${options.className ?? ""}`, "data-contribution": options.contribution.id },
      this.iframe,
      this.status,
    );
    this.loaded = new Promise<void>((resolve) => (this.markLoadedNow = resolve));
  }

  get contribution(): HostContribution {
    return this.options.contribution;
  }

  /** Call once the element is in the document: the channel must exist before the page's script runs. */
  start(channel: XdmChannel): void {
    this.channel = channel;
    this.iframe.src = this.options.src;
    this.warningTimer = window.setTimeout(() => {
      if (!this.handshakeDone) {
        this.showFailure(
          `No SDK handshake from ${this.options.src} after ${HANDSHAKE_WARNING_MS / 1000} s. Does the page call SDK.init()? Is it built?`,
        );
      }
    }, HANDSHAKE_WARNING_MS);
  }

  /** initialHandshake arrived; with `loaded: false` the page calls notifyLoadSucceeded itself. */
  onHandshake(initOptions: { loaded?: unknown }): void {
    this.handshakeDone = true;
    window.clearTimeout(this.warningTimer);
    if (initOptions.loaded !== false) this.markLoaded();
  }

  markLoaded(): void {
    this.status.hidden = true;
    this.element.classList.remove("failed");
    this.markLoadedNow();
  }

  showFailure(message: string): void {
    this.status.hidden = false;
    this.status.textContent = `${this.contribution.name ?? this.contribution.id} failed to load: ${message}`;
    this.element.classList.add("failed");
  }

  resize(size: FrameSize): void {
    if (this.options.onResize) this.options.onResize(size);
    else if (typeof size.height === "number") this.iframe.style.height = `${size.height}px`;
  }

  /**
   * Calls `method` on the object the page registered for this contribution, as
   * Azure DevOps does: the id is `registeredObjectId` from the manifest, else the
   * full contribution id, else the short one.
   * A registered object without that method is not an error (events are optional).
   */
  async invokeRegistered(method: string, params: unknown[]): Promise<unknown> {
    const channel = this.requireChannel();
    await this.loaded;
    const candidates = this.resolvedInstanceId ? [this.resolvedInstanceId] : this.instanceIdCandidates();
    for (const delay of [0, ...REGISTRATION_RETRY_DELAYS_MS]) {
      if (delay) await new Promise((r) => setTimeout(r, delay));
      for (const instanceId of candidates) {
        try {
          const result = await channel.invokeRemoteMethod(method, instanceId, method ? params : undefined);
          this.resolvedInstanceId = instanceId;
          return result;
        } catch (e) {
          const message = (e as Error).message ?? "";
          if (message.startsWith("RPC method not found")) {
            this.resolvedInstanceId = instanceId;
            return undefined;
          }
          if (!message.includes("could not be found")) throw e;
        }
      }
    }
    throw new Error(
      `${this.contribution.id} registered no object as ${candidates.join(" or ")} (SDK.register) by the time it was loaded.`,
    );
  }

  /** The registered object itself, its functions callable (menu actions use getMenuItems). */
  async getRegisteredObject(): Promise<Record<string, unknown>> {
    // An empty method name asks the SDK for the registered object itself (XDM.js invokeMethod).
    const obj = await this.invokeRegistered("", []);
    return (obj ?? {}) as Record<string, unknown>;
  }

  dispose(): void {
    window.clearTimeout(this.warningTimer);
    this.element.remove();
  }

  private instanceIdCandidates(): string[] {
    const { properties, fullId, id } = this.contribution;
    const declared = typeof properties.registeredObjectId === "string" ? [properties.registeredObjectId] : [];
    return [...new Set([...declared, fullId, id])];
  }

  private requireChannel(): XdmChannel {
    if (!this.channel) throw new Error(`${this.contribution.id} has not been started.`);
    return this.channel;
  }
}
