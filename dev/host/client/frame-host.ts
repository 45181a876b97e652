import { ContributionFrame, type FrameOptions } from "./contribution-frame";
import { buildHandshake } from "./sdk-context";
import type { HostStore } from "./store";
import { THEMES } from "./themes";
import type { TokenCache } from "./tokens";
import type { ThemeName } from "./url-state";
import type { XdmChannel } from "./xdm/channel";
import type { XdmChannelManager } from "./xdm/channel-manager";

/** Builds the object getService(serviceId) returns to `frame`, or throws if there is none. */
export type ServiceFactory = (serviceId: string, frame: ContributionFrame) => object;

export type MountOptions = Omit<FrameOptions, "src">;

/**
 * Puts contributions into iframes and answers their SDK calls: the
 * "DevOps.HostControl" and "DevOps.ServiceManager" objects of the protocol.
 */
export class FrameHost {
  private readonly channels = new Map<ContributionFrame, XdmChannel>();
  private services: ServiceFactory = (id) => {
    throw new Error(`Service ${id} is not available.`);
  };

  constructor(
    private readonly store: HostStore,
    private readonly tokens: TokenCache,
    private readonly channelManager: XdmChannelManager,
  ) {}

  setServiceFactory(factory: ServiceFactory): void {
    this.services = factory;
  }

  mount(parent: HTMLElement, opts: MountOptions): ContributionFrame {
    const frame = new ContributionFrame({ ...opts, src: this.srcFor(opts.contribution.uri) });
    if (!parent.isConnected) throw new Error(`Mount ${opts.contribution.id} into an element that is in the document.`);
    parent.appendChild(frame.element);
    const channel = this.channelManager.addChannel(frame.iframe.contentWindow!);
    channel.register("DevOps.HostControl", this.hostControl(frame, opts));
    channel.register("DevOps.ServiceManager", {
      getService: (serviceId: unknown) => this.services(String(serviceId), frame),
    });
    this.channels.set(frame, channel);
    frame.start(channel);
    return frame;
  }

  unmount(frame: ContributionFrame): void {
    const channel = this.channels.get(frame);
    if (channel) this.channelManager.removeChannel(channel);
    this.channels.delete(frame);
    frame.dispose();
  }

  /** Live theme switch, as Azure DevOps does: the SDK re-applies themeData on "themeChanged". */
  broadcastTheme(theme: ThemeName): void {
    for (const [frame, channel] of this.channels) {
      if (!frame.handshakeDone) continue; // the SDK ignores the host until its handshake is answered
      channel
        .invokeRemoteMethod("dispatchEvent", "DevOps.SdkClient", ["themeChanged", { detail: { data: THEMES[theme] } }])
        .catch((e: unknown) => console.warn(`[dev host] theme change not delivered to ${frame.contribution.id}`, e));
    }
  }

  private hostControl(frame: ContributionFrame, opts: MountOptions): object {
    return {
      initialHandshake: (initOptions: unknown) => {
        const payload = buildHandshake(this.store.state, {
          contribution: opts.contribution,
          configuration: opts.configuration ?? {},
          project: opts.project,
        });
        // Only after this reply has been posted does the SDK listen to the host: anything
        // sent earlier (onLoaded, an action's execute) would be dropped by the frame.
        window.setTimeout(() => frame.onHandshake((initOptions ?? {}) as { loaded?: unknown }), 0);
        return payload;
      },
      getAccessToken: async () => ({ token: (await this.currentTokens()).accessToken }),
      getAppToken: async () => ({ token: (await this.currentTokens()).appToken }),
      resize: (width: unknown, height: unknown) => {
        frame.resize({
          width: typeof width === "number" ? width : undefined,
          height: typeof height === "number" ? height : undefined,
        });
      },
      notifyLoadSucceeded: () => frame.markLoaded(),
      notifyLoadFailed: (error: unknown) => frame.showFailure(describeError(error)),
    };
  }

  private currentTokens() {
    const { org, user, hostKind } = this.store.state;
    return this.tokens.get(org.name, user.id, hostKind);
  }

  private srcFor(uri: string | undefined): string {
    if (!uri) return "about:blank";
    if (/^https?:\/\//.test(uri)) return uri;
    return this.store.state.config.extensionBaseUrl + uri.replace(/^\//, "");
  }
}

function describeError(error: unknown): string {
  if (typeof error === "string") return error;
  if (error && typeof error === "object" && typeof (error as { message?: unknown }).message === "string") {
    return (error as { message: string }).message;
  }
  return JSON.stringify(error);
}
