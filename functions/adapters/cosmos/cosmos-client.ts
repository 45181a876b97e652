import { CosmosClient, type Container, type Database } from "@azure/cosmos";
import https from "node:https";
import { CONTAINERS, type ContainerName } from "./containers";
import { PartitionWrites } from "./partition-writes";

export type Containers = Record<ContainerName, Container>;

export interface CosmosOptions {
  endpoint: string;
  key: string;
  database: string;
  /** Only the embedded emulator (on loopback) has a self-signed, long-expired certificate. */
  allowSelfSignedCertificate: boolean;
}

/**
 * Opens the database and makes sure every container exists. Creation runs once per process;
 * calls after that are plain property reads.
 */
export class CosmosDatabase {
  private readonly client: CosmosClient;
  private ready: Promise<Containers> | undefined;
  /** Writes to each org's partition of `members`: what tells cached reads they are stale. */
  readonly memberWrites = new PartitionWrites();

  constructor(private readonly config: CosmosOptions) {
    this.client = new CosmosClient({
      endpoint: config.endpoint,
      key: config.key,
      // The local emulator's certificate is self-signed and long expired; only for loopback.
      ...(config.allowSelfSignedCertificate
        ? { agent: new https.Agent({ rejectUnauthorized: false, keepAlive: true }) }
        : {}),
      connectionPolicy: {
        // Fail fast rather than hang when the store is down: callers answer 503.
        requestTimeout: 5_000,
        enableEndpointDiscovery: !config.allowSelfSignedCertificate,
        retryOptions: { maxRetryAttemptCount: 3, fixedRetryIntervalInMilliseconds: 200, maxWaitTimeInSeconds: 5 },
      },
    });
  }

  containers(): Promise<Containers> {
    if (!this.ready) {
      this.ready = this.open().catch((error: unknown) => {
        this.ready = undefined; // let the next call try again once the store is back
        throw error;
      });
    }
    return this.ready;
  }

  database(): Database {
    return this.client.database(this.config.database);
  }

  private async open(): Promise<Containers> {
    const { database } = await this.client.databases.createIfNotExists({ id: this.config.database });
    const entries = await Promise.all(
      (Object.keys(CONTAINERS) as ContainerName[]).map(async (name) => {
        const definition: { id: string; partitionKey: string; notIndexed?: readonly string[] } = CONTAINERS[name];
        const { container } = await database.containers.createIfNotExists({
          id: definition.id,
          partitionKey: { paths: [definition.partitionKey] },
          ...(definition.notIndexed
            ? {
                indexingPolicy: {
                  indexingMode: "consistent",
                  automatic: true,
                  includedPaths: [{ path: "/*" }],
                  excludedPaths: [{ path: '/"_etag"/?' }, ...definition.notIndexed.map((path) => ({ path }))],
                },
              }
            : {}),
        });
        return [name, container] as const;
      }),
    );
    return Object.fromEntries(entries) as Containers;
  }

  dispose(): void {
    this.client.dispose();
  }
}
