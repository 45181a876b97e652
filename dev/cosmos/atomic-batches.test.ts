import { CosmosClient, type Container, type OperationInput } from "@azure/cosmos";
import https from "node:https";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmbeddedCosmos, type EmbeddedCosmos } from "./embedded-cosmos";

type Doc = { id: string; pk: string; n: number; _etag?: string };

describe("transactional batches on the embedded emulator (through @azure/cosmos)", () => {
  let cosmos: EmbeddedCosmos;
  let client: CosmosClient;
  let container: Container;
  let etagOfA: string;

  beforeAll(async () => {
    cosmos = await startEmbeddedCosmos();
    client = new CosmosClient({
      endpoint: cosmos.endpoint,
      key: cosmos.key,
      agent: new https.Agent({ rejectUnauthorized: false }),
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    const { database } = await client.databases.createIfNotExists({ id: "batches" });
    ({ container } = await database.containers.createIfNotExists({ id: "docs", partitionKey: { paths: ["/pk"] } }));
  });

  afterAll(async () => {
    client?.dispose();
    await cosmos?.stop();
  });

  beforeEach(async () => {
    for (const id of ["a", "b", "new"])
      await container
        .item(id, "p")
        .delete()
        .catch(() => undefined);
    etagOfA = (await container.items.create<Doc>({ id: "a", pk: "p", n: 1 })).etag;
    await container.items.create<Doc>({ id: "b", pk: "p", n: 1 });
  });

  const read = async (id: string) => (await container.item(id, "p").read<Doc>()).resource;
  const replaceA = (n: number): OperationInput => ({
    operationType: "Replace",
    partitionKey: "p",
    id: "a",
    ifMatch: etagOfA,
    resourceBody: { id: "a", pk: "p", n },
  });

  it("applies none of a batch whose third operation fails its etag, and reports 412 for it and 424 for the others", async () => {
    const response = await container.items.batch(
      [
        { operationType: "Create", partitionKey: "p", resourceBody: { id: "new", pk: "p", n: 1 } },
        replaceA(2),
        {
          operationType: "Replace",
          partitionKey: "p",
          id: "b",
          ifMatch: '"not-its-etag"',
          resourceBody: { id: "b", pk: "p", n: 2 },
        },
      ],
      "p",
    );
    expect(await read("new")).toBeUndefined();
    const a = await read("a");
    expect(a?.n).toBe(1);
    expect(a?._etag).toBe(etagOfA);
    expect((await read("b"))?.n).toBe(1);
    expect(response.result?.map((r) => r.statusCode)).toEqual([424, 424, 412]);
    expect(response.code).toBe(207);
  });

  it("applies none of a batch whose third operation creates a document that exists (409)", async () => {
    const response = await container.items.batch(
      [
        replaceA(2),
        { operationType: "Delete", partitionKey: "p", id: "b" },
        { operationType: "Create", partitionKey: "p", resourceBody: { id: "a", pk: "p", n: 3 } },
      ],
      "p",
    );
    expect((await read("a"))?.n).toBe(1);
    expect((await read("b"))?.n).toBe(1);
    expect(response.result?.map((r) => r.statusCode)).toEqual([424, 424, 409]);
    // The undone batch left nothing half-done: a guarded write with the old etag still lands.
    expect((await container.items.batch([replaceA(4)], "p")).result?.map((r) => r.statusCode)).toEqual([200]);
  });

  it("applies every operation of a batch that succeeds, with the new etags", async () => {
    const response = await container.items.batch(
      [
        { operationType: "Create", partitionKey: "p", resourceBody: { id: "new", pk: "p", n: 1 } },
        replaceA(2),
        { operationType: "Delete", partitionKey: "p", id: "b" },
      ],
      "p",
    );
    expect(response.result?.map((r) => r.statusCode)).toEqual([201, 200, 204]);
    expect((await read("new"))?.n).toBe(1);
    const a = await read("a");
    expect(a?.n).toBe(2);
    expect(a?._etag).toBe(response.result?.[1]?.eTag);
    expect(await read("b")).toBeUndefined();
  });

  it("leaves the documents out of a batch's answer when asked for return=minimal, as Cosmos DB does", async () => {
    const response = await container.items.batch(
      [replaceA(3), { operationType: "Read", partitionKey: "p", id: "b" }],
      "p",
      { contentResponseOnWriteEnabled: false },
    );
    expect(response.result?.map((r) => r.statusCode)).toEqual([200, 200]);
    const [replaced, readBack] = response.result ?? [];
    expect(replaced?.resourceBody).toBeUndefined();
    // The etag still comes back: it is what the next guarded write needs.
    expect(replaced?.eTag).toBe((await container.item("a", "p").read<Doc>()).resource?._etag);
    expect(readBack?.resourceBody).toMatchObject({ id: "b", n: 1 });
    expect((await read("a"))?.n).toBe(3);
  });

  it("leaves bulk operations independent: one failing does not undo the others", async () => {
    const results = await container.items.bulk(
      [
        {
          operationType: "Replace",
          partitionKey: "p",
          id: "a",
          ifMatch: etagOfA,
          resourceBody: { id: "a", pk: "p", n: 2 },
        },
        {
          operationType: "Replace",
          partitionKey: "p",
          id: "b",
          ifMatch: '"not-its-etag"',
          resourceBody: { id: "b", pk: "p", n: 2 },
        },
      ],
      { continueOnError: true },
    );
    expect(results.map((r) => r.statusCode)).toEqual([200, 412]);
    expect((await read("a"))?.n).toBe(2);
  });
});
