// The SDK's XDM value encoding, mirrored from
// node_modules/azure-devops-extension-sdk/XDM.js (_customSerializeObject /
// _customDeserializeObject): functions travel as `{ __proxyFunctionId, _channelId }`
// and are called back as method "proxy<N>" on instance "__proxyFunctions";
// dates as `{ __proxyDate }`; cycles as `{ __circularReference }`; properties
// starting with "_" are dropped unless `includeUnderscoreProperties` is set.

export interface SerializationSettings {
  includeUnderscoreProperties?: boolean;
}

type AnyFunction = (...args: unknown[]) => unknown;

const MAX_DEPTH = 100;

/** Collects own and inherited property names (not Object.prototype's), as the SDK does. */
function allPropertyNames(obj: object): string[] {
  const names = new Set<string>();
  let current: object | null = obj;
  while (current && current !== Object.prototype) {
    for (const name of Object.getOwnPropertyNames(current)) {
      if (name !== "constructor") names.add(name);
    }
    current = Object.getPrototypeOf(current) as object | null;
  }
  return [...names];
}

/** DOM nodes, windows and events never cross frames (the SDK drops them too). */
function isDomObject(obj: object): boolean {
  return (
    (typeof Node !== "undefined" && obj instanceof Node) ||
    (typeof Window !== "undefined" && obj instanceof Window) ||
    (typeof Event !== "undefined" && obj instanceof Event)
  );
}

export class XdmSerializer {
  constructor(
    /** Stores a local function and returns the proxy id the remote side will call. */
    private readonly registerProxy: (fn: AnyFunction, thisArg: unknown) => number,
    /** Builds a local stand-in that calls the remote side's proxy function `id`. */
    private readonly remoteFunction: (id: number) => AnyFunction,
    private readonly channelId: number,
  ) {}

  serialize(value: unknown, settings?: SerializationSettings): unknown {
    return this.serializeObject(value, settings, { originals: [], copies: [] }, { next: 1 }, 1);
  }

  deserialize(value: unknown): unknown {
    return this.deserializeInPlace(value, new Map<number, object>());
  }

  private serializeObject(
    obj: unknown,
    settings: SerializationSettings | undefined,
    parents: { originals: unknown[]; copies: Record<string, unknown>[] },
    circularIds: { next: number },
    depth: number,
  ): unknown {
    if (!obj || typeof obj !== "object" || depth > MAX_DEPTH) return undefined;
    if (isDomObject(obj)) return undefined;
    const isArray = Array.isArray(obj);
    const copy: Record<string, unknown> = isArray ? ([] as unknown as Record<string, unknown>) : {};
    parents.originals.push(obj);
    parents.copies.push(copy);
    const keys = isArray ? (obj as unknown[]).map((_, i) => String(i)) : allPropertyNames(obj);
    for (const key of keys) {
      if (!isArray && key.startsWith("_") && !settings?.includeUnderscoreProperties) continue;
      let item: unknown;
      try {
        item = (obj as Record<string, unknown>)[key];
      } catch {
        continue; // unreadable getter: skipped like the SDK does
      }
      if (item === undefined) continue;
      const parentIndex = typeof item === "object" ? parents.originals.indexOf(item) : -1;
      if (parentIndex >= 0) {
        const parentCopy = parents.copies[parentIndex];
        if (!parentCopy.__circularReferenceId) parentCopy.__circularReferenceId = circularIds.next++;
        copy[key] = { __circularReference: parentCopy.__circularReferenceId };
      } else if (typeof item === "function") {
        copy[key] = { __proxyFunctionId: this.registerProxy(item as AnyFunction, obj), _channelId: this.channelId };
      } else if (item instanceof Date) {
        copy[key] = { __proxyDate: item.getTime() };
      } else if (typeof item === "object" && item !== null) {
        copy[key] = this.serializeObject(item, settings, parents, circularIds, depth + 1);
      } else if (key !== "__proxyFunctionId") {
        copy[key] = item;
      }
    }
    parents.originals.pop();
    parents.copies.pop();
    return copy;
  }

  private deserializeInPlace(value: unknown, circular: Map<number, object>): unknown {
    if (!value || typeof value !== "object") return value ?? null;
    const target = value as Record<string, unknown>;
    for (const key of Object.keys(target)) {
      const item = target[key];
      if (key === "__circularReferenceId" && typeof item === "number") {
        circular.set(item, target);
        delete target[key];
      } else if (item && typeof item === "object") {
        const marker = item as Record<string, unknown>;
        if (typeof marker.__proxyFunctionId === "number") {
          target[key] = this.remoteFunction(marker.__proxyFunctionId);
        } else if (typeof marker.__proxyDate === "number") {
          target[key] = new Date(marker.__proxyDate);
        } else if (typeof marker.__circularReference === "number") {
          target[key] = circular.get(marker.__circularReference);
        } else {
          this.deserializeInPlace(item, circular);
        }
      }
    }
    return target;
  }
}
