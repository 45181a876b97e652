import type Chargebee from "chargebee";

/** One answer the client handed to its caller, with the type the package declares for it. */
export interface RecordedAnswer {
  /** e.g. `subscription.updateForItems` */
  call: string;
  /** e.g. `Subscription.UpdateForItemsResponse`: the package's name for the call's result. */
  typeName: string;
  /** The JSON body as Chargebee sent it (without what the client adds: headers, status, replay flag). */
  body: unknown;
}

const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);
const ADDED_BY_CLIENT = ["headers", "httpStatusCode", "isIdempotencyReplayed"];

/**
 * The real client, recording every answer it returns. The package names a call's result
 * `<Resource>.<Method>Response` (`cb.itemPrice.list` → `ItemPrice.ListResponse`), so any call
 * an adapter makes, including one added later, is checked against its declared type.
 */
export function recordingClient(client: Chargebee, answers: RecordedAnswer[]): Chargebee {
  return new Proxy(client, {
    get(target, resource, receiver) {
      const value: unknown = Reflect.get(target, resource, receiver);
      if (typeof resource !== "string" || typeof value !== "object" || value === null) return value;
      return new Proxy(value, {
        get(api, method, apiReceiver) {
          const call: unknown = Reflect.get(api, method, apiReceiver);
          if (typeof method !== "string" || typeof call !== "function") return call;
          return async (...args: unknown[]) => {
            const result: unknown = await (call as (...a: unknown[]) => Promise<unknown>).apply(api, args);
            const body = { ...(result as Record<string, unknown>) };
            for (const key of ADDED_BY_CLIENT) delete body[key];
            answers.push({
              call: `${resource}.${method}`,
              typeName: `${pascal(resource)}.${pascal(method)}Response`,
              body,
            });
            return result;
          };
        },
      });
    },
  });
}
