import type { StoreHealth } from "../../ports/health";
import type { CosmosDatabase } from "./cosmos-client";
import { storeCall } from "./cosmos-errors";

export class CosmosHealth implements StoreHealth {
  constructor(private readonly db: CosmosDatabase) {}

  async ping(): Promise<void> {
    await storeCall("Opening the database", () => this.db.containers());
    await storeCall("Reading the database", () => this.db.database().read());
  }
}
