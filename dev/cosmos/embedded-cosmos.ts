import { CosmosClient } from "@azure/cosmos";
import { createHttpsServer } from "@vercel/cosmosdb-server";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import https from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { makeEmulatorBatchesAtomic } from "./atomic-batches";
import { makeEmulatorQueriesLinear } from "./linear-queries";

/** The emulator accepts any key; this one only documents that it is the local one. */
export const EMBEDDED_COSMOS_KEY =
  "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

export interface EmbeddedCosmos {
  endpoint: string;
  key: string;
  /** Stops answering (simulates an outage) without losing data; `resume()` brings it back. */
  suspend(): Promise<void>;
  resume(): Promise<void>;
  /** HTTP requests the emulator has received since it started (benchmarks count store round trips). */
  requestCount(): number;
  /** Calls `listener` as each request arrives, before the emulator handles it (fault tests stop the store mid-call). Returns an unsubscribe. */
  onRequest(listener: () => void): () => void;
  stop(): Promise<void>;
}

export interface EmbeddedCosmosOptions {
  port?: number;
  /** Keep data across restarts in this file (`npm start` uses .data/cosmos.json). */
  persistFile?: string;
  database?: string;
}

interface Snapshot {
  containers: { id: string; partitionKey: string; items: Record<string, unknown>[] }[];
}

/**
 * @vercel/cosmosdb-server in-process, over HTTPS as the real endpoint is, with two patches:
 * linear-time queries and all-or-nothing transactional batches, as Cosmos DB runs them. It keeps data in
 * memory only, so with `persistFile` we save a snapshot (through the Cosmos API itself) a
 * moment after writes and on stop, and load it on start.
 */
export async function startEmbeddedCosmos(options: EmbeddedCosmosOptions = {}): Promise<EmbeddedCosmos> {
  const database = options.database ?? "timetracker";
  makeEmulatorQueriesLinear();
  makeEmulatorBatchesAtomic();
  let dirty = false;
  let requests = 0;
  const requestListeners = new Set<() => void>();
  // keepAlive: 4-7x faster than a new TLS connection per request.
  const server = createHttpsServer({ keepAlive: true });
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject); // one per listen: outage tests resume many times
        resolve((server.address() as AddressInfo).port);
      });
    });
  // Queries are POSTs too; a spare snapshot after a query is cheap, a missed write is not.
  server.prependListener("request", (req) => {
    requests += 1;
    for (const listener of requestListeners) listener();
    if (req.method !== "GET" && req.method !== "HEAD") dirty = true;
  });
  const port = await listen(options.port ?? 0);
  // The emulator makes a new, empty account on every "listening" event; drop that hook so a
  // suspend/resume (an outage in fault tests) keeps the data.
  server.removeAllListeners("listening");
  const endpoint = `https://127.0.0.1:${port}`;
  const client = new CosmosClient({
    endpoint,
    key: EMBEDDED_COSMOS_KEY,
    agent: new https.Agent({ rejectUnauthorized: false, keepAlive: true }),
    connectionPolicy: { enableEndpointDiscovery: false },
  });

  if (options.persistFile) await load(client, database, options.persistFile);
  dirty = false;

  let saving: Promise<void> | undefined;
  const save = async () => {
    if (!options.persistFile || !dirty) return;
    dirty = false;
    saving = dump(client, database, options.persistFile).catch((error: unknown) => {
      dirty = true;
      console.error("cosmos snapshot failed:", error);
    });
    await saving;
  };
  const timer = options.persistFile ? setInterval(() => void save(), 2_000) : undefined;
  timer?.unref();

  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });

  return {
    endpoint,
    key: EMBEDDED_COSMOS_KEY,
    // Closing and listening again on the same port keeps every document: an outage, not a wipe.
    suspend: close,
    async resume() {
      await listen(port);
    },
    requestCount: () => requests,
    onRequest(listener) {
      requestListeners.add(listener);
      return () => void requestListeners.delete(listener);
    },
    async stop() {
      if (timer) clearInterval(timer);
      await saving;
      await save();
      client.dispose();
      await close();
    },
  };
}

async function load(client: CosmosClient, database: string, file: string): Promise<void> {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(await readFile(file, "utf8")) as Snapshot;
  } catch {
    return; // first start: nothing saved yet
  }
  const { database: db } = await client.databases.createIfNotExists({ id: database });
  for (const c of snapshot.containers) {
    const { container } = await db.containers.createIfNotExists({
      id: c.id,
      partitionKey: { paths: [c.partitionKey] },
    });
    for (let i = 0; i < c.items.length; i += 100) {
      await Promise.all(c.items.slice(i, i + 100).map((item) => container.items.upsert(item)));
    }
  }
}

async function dump(client: CosmosClient, database: string, file: string): Promise<void> {
  const db = client.database(database);
  const snapshot: Snapshot = { containers: [] };
  const { resources: containers } = await db.containers
    .readAll()
    .fetchAll()
    .catch(() => ({ resources: [] }));
  for (const c of containers) {
    const { resources } = await db.container(c.id).items.query<Record<string, unknown>>("SELECT * FROM c").fetchAll();
    const items = resources.map(({ _rid, _self, _etag, _attachments, _ts, ...rest }) => rest);
    snapshot.containers.push({ id: c.id, partitionKey: c.partitionKey?.paths[0] ?? "/id", items });
  }
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  await writeFile(temp, JSON.stringify(snapshot));
  await rename(temp, file);
}
