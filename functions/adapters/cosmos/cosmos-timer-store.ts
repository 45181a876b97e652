import { NotFoundError, PreconditionFailedError } from "../../domain/errors";
import { timerDocumentId, type RunningTimer } from "../../domain/timer";
import type { TimerStore } from "../../ports/timer-store";
import type { Versioned } from "../../ports/versioned";
import type { CosmosDatabase } from "./cosmos-client";
import { storeCall } from "./cosmos-errors";
import { toVersioned } from "./document";

type TimerDocument = RunningTimer & { id: string; type: "timer" };

const asTimer = (doc: Record<string, unknown>): RunningTimer => {
  const { id: _id, type: _type, ...timer } = doc as unknown as TimerDocument;
  return timer;
};

/** The running timer sits beside the user's worklogs; its id is fixed per user. */
export class CosmosTimerStore implements TimerStore {
  constructor(private readonly db: CosmosDatabase) {}

  private async container() {
    return (await storeCall("Opening the database", () => this.db.containers())).worklogs;
  }

  async get(orgId: string, userId: string): Promise<Versioned<RunningTimer> | null> {
    const worklogs = await this.container();
    return storeCall("Reading the timer", async () => {
      const { resource, statusCode } = await worklogs
        .item(timerDocumentId(userId), orgId)
        .read<Record<string, unknown>>();
      return statusCode === 404 || resource?.type !== "timer" ? null : toVersioned(resource, asTimer);
    });
  }

  async create(timer: RunningTimer): Promise<Versioned<RunningTimer>> {
    const worklogs = await this.container();
    return storeCall("Starting the timer", async () => {
      const doc: TimerDocument = { ...timer, id: timerDocumentId(timer.userId), type: "timer" };
      const { resource } = await worklogs.items.create(doc);
      return toVersioned(resource as unknown as Record<string, unknown>, asTimer)!;
    });
  }

  async delete(orgId: string, userId: string, etag: string): Promise<boolean> {
    const worklogs = await this.container();
    try {
      await storeCall("Stopping the timer", () =>
        worklogs.item(timerDocumentId(userId), orgId).delete({ accessCondition: { type: "IfMatch", condition: etag } }),
      );
      return true;
    } catch (error) {
      // Someone else (another tab) stopped this run first: it is stopped either way.
      if (error instanceof NotFoundError || error instanceof PreconditionFailedError) return false;
      throw error;
    }
  }
}
