/**
 * Fault injection for tests: the next API calls fail with a given status
 * (nothing is executed) or are answered only after a delay (executed, so a
 * client that times out and retries with the same idempotency key must get
 * the stored answer, not a second effect).
 */
export type Fault = { status: number; body?: object } | { delayMs: number };

export class FaultQueue {
  private readonly queue: Fault[] = [];

  push(fault: Fault): void {
    if ("status" in fault && (!Number.isInteger(fault.status) || fault.status < 100 || fault.status > 599)) {
      throw new Error(`failNext: status must be an HTTP status code, got ${String(fault.status)}`);
    }
    if ("delayMs" in fault && !(fault.delayMs >= 0)) throw new Error("failNext: delayMs must be >= 0");
    this.queue.push(fault);
  }

  take(): Fault | undefined {
    return this.queue.shift();
  }
}
