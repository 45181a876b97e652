import { XdmChannel, type XdmTrafficListener } from "./channel";

/**
 * One `message` listener for the whole host page; hands each SDK message to the
 * channel of the iframe it came from. Messages that are not JSON objects (other
 * libraries' postMessage traffic) are ignored, as the SDK does.
 */
export class XdmChannelManager {
  private readonly channels = new Set<XdmChannel>();

  constructor(private readonly onTraffic?: XdmTrafficListener) {
    window.addEventListener("message", (event) => this.onMessage(event));
  }

  addChannel(target: Window): XdmChannel {
    const channel = new XdmChannel(target, this.onTraffic);
    this.channels.add(channel);
    return channel;
  }

  removeChannel(channel: XdmChannel): void {
    channel.dispose();
    this.channels.delete(channel);
  }

  private onMessage(event: MessageEvent): void {
    if (typeof event.data !== "string") return;
    let message: unknown;
    try {
      message = JSON.parse(event.data);
    } catch {
      return;
    }
    if (!message || typeof message !== "object" || Array.isArray(message)) return;
    for (const channel of this.channels) {
      if (channel.target === event.source) {
        channel.handleMessage(message as Record<string, unknown>);
        return;
      }
    }
  }
}
