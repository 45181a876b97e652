import { FAULT_STATUSES } from "./errors";

/**
 * Fault injection for tests: the next API calls fail with a status Chargebee documents
 * (nothing is executed; the body defaults to Chargebee's for that status) or are answered
 * only after a delay (executed, so a client that times out and retries with the same
 * idempotency key must get the stored answer, not a second effect).
 */
export type Fault = { status: number; body?: object } | { delayMs: number };

export class FaultQueue {
  private readonly queue: Fault[] = [];

  push(fault: Fault): void {
    if ("status" in fault && !FAULT_STATUSES.includes(fault.status)) {
      throw new Error(
        `failNext: Chargebee answers API errors with ${FAULT_STATUSES.join(", ")}; got ${String(fault.status)}`,
      );
    }
    if ("delayMs" in fault && !(fault.delayMs >= 0)) throw new Error("failNext: delayMs must be >= 0");
    this.queue.push(fault);
  }

  take(): Fault | undefined {
    return this.queue.shift();
  }
}
