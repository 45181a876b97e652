import type { SeatLedger, SeatLedgerStore } from "../../ports/seat-ledger-store";
import type { Versioned } from "../../ports/versioned";
import type { CosmosDatabase } from "./cosmos-client";
import { storeCall } from "./cosmos-errors";
import { toVersioned } from "./document";

/** The ledger sits in the org's partition of the members container, beside what it counts. */
export const SEAT_LEDGER_ID = "seat-ledger";

type LedgerDocument = SeatLedger & { id: typeof SEAT_LEDGER_ID; type: "seatLedger" };

const asLedger = (doc: Record<string, unknown>): SeatLedger => {
  const d = doc as unknown as LedgerDocument;
  return {
    orgId: d.orgId,
    counts: { explicit: d.counts.explicit, onDefault: d.counts.onDefault },
    defaultCounted: d.defaultCounted,
    updatedAt: d.updatedAt,
    reconciledAt: d.reconciledAt ?? null,
    // Ledgers written before seat holds have none.
    holds: (d.holds ?? []).map((h) => ({ id: h.id, seats: h.seats, until: h.until })),
  };
};

/** The ledger as stored (also written inside transactional batches, see cosmos-seat-commit). */
export const ledgerDocument = (ledger: SeatLedger): LedgerDocument => ({
  ...ledger,
  id: SEAT_LEDGER_ID,
  type: "seatLedger",
});

export class CosmosSeatLedgerStore implements SeatLedgerStore {
  constructor(private readonly db: CosmosDatabase) {}

  async get(orgId: string): Promise<Versioned<SeatLedger> | null> {
    const { members } = await storeCall("Opening the database", () => this.db.containers());
    return storeCall("Reading the seat ledger", async () => {
      const { resource, statusCode } = await members.item(SEAT_LEDGER_ID, orgId).read<Record<string, unknown>>();
      return statusCode === 404 ? null : toVersioned(resource, asLedger);
    });
  }

  async create(ledger: SeatLedger): Promise<Versioned<SeatLedger>> {
    const { members } = await storeCall("Opening the database", () => this.db.containers());
    return storeCall("Creating the seat ledger", async () => {
      const { resource } = await members.items.create(ledgerDocument(ledger));
      return toVersioned(resource as unknown as Record<string, unknown>, asLedger)!;
    });
  }

  async replace(ledger: SeatLedger, etag: string): Promise<Versioned<SeatLedger>> {
    const { members } = await storeCall("Opening the database", () => this.db.containers());
    return storeCall("Saving the seat ledger", async () => {
      const { resource } = await members
        .item(SEAT_LEDGER_ID, ledger.orgId)
        .replace(ledgerDocument(ledger), { accessCondition: { type: "IfMatch", condition: etag } });
      return toVersioned(resource as unknown as Record<string, unknown>, asLedger)!;
    });
  }

  async *orgIds(): AsyncIterable<string> {
    const { members } = await storeCall("Opening the database", () => this.db.containers());
    const iterator = members.items.query<string>(
      {
        query: "SELECT VALUE c.orgId FROM c WHERE c.type = 'seatLedger' AND c.id = @id",
        parameters: [{ name: "@id", value: SEAT_LEDGER_ID }],
      },
      { maxItemCount: 100 },
    );
    while (iterator.hasMoreResults()) {
      const { resources } = await storeCall("Listing the seat ledgers", () => iterator.fetchNext());
      yield* resources;
    }
  }
}
