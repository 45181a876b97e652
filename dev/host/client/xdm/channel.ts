import { XdmSerializer, type SerializationSettings } from "./serialization";

/**
 * Host end of the SDK's XDM channel with one iframe (see XDM.js `XDMChannel`).
 *
 * Requests carry `instanceId` (+ `methodName`, `params`); replies do not and are
 * matched by `id`. The SDK in the frame ignores everything until it sees its own
 * `handshakeToken` echoed back, so every reply echoes the token of its request.
 */

export type HostObject = object;

interface PendingCall {
  resolve(value: unknown): void;
  reject(reason: unknown): void;
}

export interface XdmTrafficListener {
  (direction: "in" | "out", message: Record<string, unknown>): void;
}

let nextChannelId = 1;

export class XdmChannel {
  readonly channelId = nextChannelId++;
  private nextMessageId = 1;
  private nextProxyId = 1;
  private readonly pending = new Map<number, PendingCall>();
  private readonly proxyFunctions = new Map<string, (...args: unknown[]) => unknown>();
  private readonly objects = new Map<string, HostObject>();
  private readonly serializer: XdmSerializer;
  private disposed = false;

  constructor(
    readonly target: Window,
    private readonly onTraffic?: XdmTrafficListener,
  ) {
    this.serializer = new XdmSerializer(
      (fn, thisArg) => {
        const id = this.nextProxyId++;
        this.proxyFunctions.set(`proxy${id}`, (...args) => fn.apply(thisArg, args));
        return id;
      },
      (id) =>
        (...args: unknown[]) =>
          this.invokeRemoteMethod(`proxy${id}`, "__proxyFunctions", args, { includeUnderscoreProperties: true }),
      this.channelId,
    );
  }

  /** Exposes a host object (e.g. "DevOps.HostControl") to the frame. */
  register(instanceId: string, obj: HostObject): void {
    this.objects.set(instanceId, obj);
  }

  /** Calls `methodName` on the object the frame registered as `instanceId` (SDK.register). */
  invokeRemoteMethod<T = unknown>(
    methodName: string,
    instanceId: string,
    params?: unknown[],
    settings?: SerializationSettings,
  ): Promise<T> {
    if (this.disposed) return Promise.reject(new Error("The frame is gone."));
    const id = this.nextMessageId++;
    const message: Record<string, unknown> = {
      id,
      methodName,
      instanceId,
      instanceContext: {},
      params: params ? this.serializer.serialize(params, settings) : undefined,
      serializationSettings: settings,
    };
    const promise = new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve, reject });
    });
    this.post(message);
    return promise;
  }

  /** Handles one parsed message that came from this channel's frame. */
  handleMessage(message: Record<string, unknown>): void {
    this.onTraffic?.("in", message);
    if (typeof message.instanceId === "string" && message.instanceId) {
      void this.handleRequest(message);
    } else {
      this.handleReply(message);
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const call of this.pending.values()) call.reject(new Error("The frame was closed."));
    this.pending.clear();
  }

  private async handleRequest(message: Record<string, unknown>): Promise<void> {
    const instanceId = message.instanceId as string;
    const methodName = typeof message.methodName === "string" ? message.methodName : "";
    const target =
      instanceId === "__proxyFunctions" ? Object.fromEntries(this.proxyFunctions) : this.objects.get(instanceId);
    try {
      if (!target) throw new Error(`The registered object ${instanceId} could not be found.`);
      let result: unknown = target;
      if (methodName) {
        const method = (target as Record<string, unknown>)[methodName];
        if (typeof method !== "function") throw new Error(`RPC method not found: ${methodName}`);
        const args = Array.isArray(message.params) ? (this.serializer.deserialize(message.params) as unknown[]) : [];
        result = await method.apply(target, args);
      }
      const settings = message.serializationSettings as SerializationSettings | undefined;
      const [serialized] = this.serializer.serialize([result], settings) as unknown[];
      this.post({ id: message.id, result: serialized, handshakeToken: message.handshakeToken });
    } catch (e) {
      const error = e instanceof Error ? { name: e.name, message: e.message } : e;
      this.post({ id: message.id, error, handshakeToken: message.handshakeToken });
    }
  }

  private handleReply(message: Record<string, unknown>): void {
    const id = typeof message.id === "number" ? message.id : NaN;
    const call = this.pending.get(id);
    if (!call) return;
    this.pending.delete(id);
    if (message.error !== undefined && message.error !== null) {
      const [error] = this.serializer.deserialize([message.error]) as unknown[];
      call.reject(toError(error));
    } else {
      const [result] = this.serializer.deserialize([message.result]) as unknown[];
      call.resolve(result);
    }
  }

  private post(message: Record<string, unknown>): void {
    this.onTraffic?.("out", message);
    // "*" like the SDK: frames may be sandboxed (origin "null").
    this.target.postMessage(JSON.stringify(message), "*");
  }
}

function toError(value: unknown): Error {
  if (value instanceof Error) return value;
  if (value && typeof value === "object" && typeof (value as { message?: unknown }).message === "string") {
    return new Error((value as { message: string }).message);
  }
  return new Error(typeof value === "string" ? value : JSON.stringify(value));
}
