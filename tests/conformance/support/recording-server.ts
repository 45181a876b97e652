import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface CapturedRequest {
  method: string;
  /** Path and query as sent, e.g. `/vssps/fabrikam/_apis/identities?identityIds=…&api-version=7.1`. */
  url: string;
  accept: string;
  authorization: string;
  body: unknown;
}

export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** A body sent as is (not JSON), e.g. an HTML error page. */
  raw?: string;
}

export type Responder = (request: CapturedRequest & { pathname: string; query: URLSearchParams }) => Answer | undefined;

/**
 * A loopback HTTP server standing where Azure DevOps would: it answers with what a test
 * hands it (Microsoft's recorded bodies) and remembers every request the adapters sent, so
 * the suite can hold each of them against the documented operations.
 */
export class RecordingServer {
  readonly requests: CapturedRequest[] = [];
  /** TCP connections opened to this server (kept-alive connections carry several requests). */
  connections = 0;
  private responder: Responder = () => undefined;
  private server: Server | undefined;
  url = "";

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on("connection", () => this.connections++);
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** What the next requests are answered with (undefined from the responder: 404). */
  answer(responder: Responder): void {
    this.responder = responder;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** The adapters' URL templates for the three hosts of an organization, all on this server. */
  get devopsOptions() {
    return {
      coreUrl: `${this.url}/{org}`,
      vsspsUrl: `${this.url}/vssps/{org}`,
      vsaexUrl: `${this.url}/vsaex/{org}`,
      requestTimeoutMs: 5_000,
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const captured: CapturedRequest = {
      method: req.method ?? "GET",
      url: req.url ?? "/",
      accept: String(req.headers.accept ?? ""),
      authorization: String(req.headers.authorization ?? ""),
      body: text ? JSON.parse(text) : undefined,
    };
    this.requests.push(captured);
    const parsed = new URL(captured.url, "http://x");
    const answer = this.responder({
      ...captured,
      pathname: decodeURIComponent(parsed.pathname),
      query: parsed.searchParams,
    }) ?? {
      status: 404,
      body: { message: `No recorded answer for ${captured.method} ${parsed.pathname}` },
    };
    res.writeHead(answer.status ?? 200, { "Content-Type": "application/json; charset=utf-8", ...answer.headers });
    res.end(answer.raw ?? (answer.body === undefined ? "" : JSON.stringify(answer.body)));
  }
}
