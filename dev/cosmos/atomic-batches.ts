import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";

/**
 * Cosmos DB runs a transactional batch (`container.items.batch`) all or nothing: when one
 * operation fails, none is applied, and the answer (207 Multi-Status) gives the failing
 * operation its own status and every other one 424 Failed Dependency
 * (learn.microsoft.com/azure/cosmos-db/nosql/transactional-batch). The emulator
 * (@vercel/cosmosdb-server, lib/handler/batch-documents.js) runs the operations one by one
 * and keeps those before a failing one.
 *
 * This sends transactional batches to a handler that runs each operation with the emulator's
 * own code (lib/handler/_document-operations.js, existence and etag checks included) while
 * journaling every change to the container's maps, and undoes them all when one fails.
 * Bulk requests (not atomic) stay with the emulator. Isolation needs nothing more: the
 * operations run synchronously, so no other request runs in between.
 *
 * The router is looked up on every request (lib/index.js calls `routes_1.default(req)`), so
 * replacing it works whenever it is applied; applied once per process.
 */

type Json = Record<string, unknown>;
interface OperationInput {
  operationType?: string;
  [key: string]: unknown;
}
interface OperationResult {
  statusCode: number;
  body?: Json;
}
/** The emulator's in-memory container (lib/account/items.js): documents by rid, and an index of ids (and unique keys) to rids. */
interface Documents {
  _data: Map<unknown, unknown>;
  _index: Map<unknown, unknown>;
}
interface Collection {
  read(): unknown;
  documents: Documents;
}
interface Account {
  database(id: string): { collection(id: string): Collection };
}
type Params = { dbId: string; collId: string };
type Handler = (account: Account, req: IncomingMessage, res: ServerResponse, params: Params) => Promise<unknown>;
type Route = (req: IncomingMessage) => [Params, Handler] | undefined;

const require = createRequire(import.meta.url);
const PATCHED = Symbol.for("timetracker.emulator.batchesAllOrNothing");

export function makeEmulatorBatchesAtomic(): void {
  const routes = require("@vercel/cosmosdb-server/lib/routes") as { default: Route & { [PATCHED]?: true } };
  if (routes.default[PATCHED]) return;
  const batchHandler = (require("@vercel/cosmosdb-server/lib/handler/batch-documents") as { default: Handler }).default;
  const readJson = (
    require("@vercel/cosmosdb-server/lib/json") as { default: (req: IncomingMessage) => Promise<unknown> }
  ).default;
  const ops = require("@vercel/cosmosdb-server/lib/handler/_document-operations") as Record<
    string,
    (c: Collection, input: OperationInput) => OperationResult
  >;
  const runners: Record<string, ((c: Collection, input: OperationInput) => OperationResult) | undefined> = {
    Create: ops.createOperation,
    Upsert: ops.upsertOperation,
    Read: ops.readOperation,
    Delete: ops.deleteOperation,
    Replace: ops.replaceOperation,
  };

  const atomicBatch: Handler = async (account, req, res, { dbId, collId }) => {
    const operations = await readJson(req);
    const collection = account.database(dbId).collection(collId);
    if (!collection.read()) {
      res.statusCode = 404;
      return {};
    }
    if (!Array.isArray(operations)) {
      res.statusCode = 400;
      return { message: "Invalid request body" };
    }
    const unsupported = (operations as (OperationInput | null)[]).find((op) => !runners[op?.operationType ?? ""]);
    if (unsupported !== undefined) {
      res.statusCode = 400;
      return { message: `Operation type '${unsupported?.operationType ?? null}' is not supported in Batch.` };
    }
    const journal = new UndoJournal(collection.documents);
    try {
      const results: OperationResult[] = [];
      for (const op of operations as OperationInput[]) {
        const result = runners[op.operationType!]!(collection, op);
        results.push(result);
        if (result.statusCode >= 400) {
          journal.undo();
          res.statusCode = 207;
          const failed = results.length - 1;
          return operations.map((_, i) =>
            i === failed ? { statusCode: result.statusCode, requestCharge: 0 } : { statusCode: 424, requestCharge: 0 },
          );
        }
      }
      // `Prefer: return=minimal` (the SDK's contentResponseOnWriteEnabled: false) leaves the
      // documents out of the answer, as Cosmos DB does; a read still answers its document.
      const minimal = prefersMinimal(req.headers.prefer);
      return results.map((r, i) => ({
        statusCode: r.statusCode,
        requestCharge: 1,
        eTag: r.body?._etag,
        ...(minimal && (operations as OperationInput[])[i].operationType !== "Read" ? {} : { resourceBody: r.body }),
      }));
    } catch (error) {
      journal.undo(); // an operation threw (the emulator answers 500): nothing of the batch stays
      throw error;
    } finally {
      journal.close();
    }
  };

  const original = routes.default;
  const route: Route = (req) => {
    const found = original(req);
    if (!found || found[1] !== batchHandler || !isTrue(req.headers["x-ms-cosmos-batch-atomic"])) return found;
    return [found[0], atomicBatch];
  };
  routes.default = Object.assign(route, { [PATCHED]: true as const });
}

const isTrue = (header: string | string[] | undefined): boolean =>
  [header ?? []].flat().some((h) => h.toLowerCase() === "true");

const prefersMinimal = (header: string | string[] | undefined): boolean =>
  [header ?? []].flat().some((h) => /(^|[;,\s])return=minimal($|[;,\s])/i.test(h));

/**
 * Records the first value each key of the container's maps had while a batch runs (the
 * emulator writes only through `set` and `delete`), so `undo` can put every one back.
 */
class UndoJournal {
  private readonly restore: (() => void)[] = [];
  private readonly maps: Map<unknown, unknown>[];

  constructor(documents: Documents) {
    this.maps = [documents._data, documents._index];
    for (const map of this.maps) {
      const seen = new Set<unknown>();
      const record = (key: unknown) => {
        if (seen.has(key)) return;
        seen.add(key);
        if (Map.prototype.has.call(map, key)) {
          const previous = Map.prototype.get.call(map, key) as unknown;
          this.restore.push(() => Map.prototype.set.call(map, key, previous));
        } else {
          this.restore.push(() => Map.prototype.delete.call(map, key));
        }
      };
      Object.assign(map, {
        set: (key: unknown, value: unknown) => (record(key), Map.prototype.set.call(map, key, value)),
        delete: (key: unknown) => (record(key), Map.prototype.delete.call(map, key)),
      });
    }
  }

  undo(): void {
    for (const restore of this.restore.splice(0).reverse()) restore();
  }

  close(): void {
    for (const map of this.maps) {
      delete (map as { set?: unknown }).set;
      delete (map as { delete?: unknown }).delete;
    }
  }
}
