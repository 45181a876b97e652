import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRouter } from "./router";
import { routes } from "./routes";
import { seedOrgs } from "./seed";
import { DevopsState, type PageSizes } from "./state";
import { DEV_EXTENSION_ID, DEV_EXTENSION_SECRET } from "./tokens";

export { DevopsState, type PageSizes } from "./state";
export { DEV_EXTENSION_ID, DEV_EXTENSION_SECRET } from "./tokens";

/** Fixed port of the stand-in in the local stack. */
export const DEVOPS_STANDIN_PORT = 7072;

export interface DevopsStandin {
  url: string;
  port: number;
  state: DevopsState;
  stop(): Promise<void>;
}

export interface DevopsStandinOptions {
  /** 0 picks a free port (tests). Default 7072. */
  port?: number;
  host?: string;
  extensionSecret?: string;
  extensionId?: string;
  log?: boolean;
  /** Smaller pages make paging testable with the small seed. */
  pageSizes?: Partial<PageSizes>;
}

export async function startDevopsStandin(opts: DevopsStandinOptions = {}): Promise<DevopsStandin> {
  const host = opts.host ?? "127.0.0.1";
  const state = new DevopsState(seedOrgs);
  Object.assign(state.pageSizes, opts.pageSizes);
  const handle = createRouter(
    routes,
    state,
    {
      extensionSecret: opts.extensionSecret ?? DEV_EXTENSION_SECRET,
      extensionId: opts.extensionId ?? DEV_EXTENSION_ID,
    },
    opts.log ?? false,
  );
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? DEVOPS_STANDIN_PORT, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    state,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
