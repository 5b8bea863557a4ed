// The demo storefront's own origin (lib/demo-store/store-origin.ts says why): an HTTP server on DEMO_STORE_PORT that
// passes the storefront's paths on to the app, without the dashboard's cookies, and refuses everything else.
import http, { type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { STORE_ORIGIN_HEADER, storeRequestRefusal, withoutDashboardCookies } from "@/lib/demo-store/store-origin";

const HOP_BY_HOP = ["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"];

/** The headers the app gets: the dashboard's cookies and hop-by-hop headers gone, the store's mark set. */
function forwardedHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = { ...headers };
  for (const name of HOP_BY_HOP) delete out[name];
  const cookie = withoutDashboardCookies(headers.cookie);
  if (cookie) out.cookie = cookie;
  else delete out.cookie;
  out[STORE_ORIGIN_HEADER] = "1";
  return out;
}

export type StoreOrigin = { port: number; close(): Promise<void> };

/** Listens on `port` (0: any free one) and forwards to the app at `upstream` (its host and port). */
export function startStoreOrigin(options: {
  port: number;
  host?: string;
  upstream: { host: string; port: number };
}): Promise<StoreOrigin> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const server = http.createServer((req, res) => {
    const method = req.method ?? "GET";
    const path = req.url ?? "/";
    const refusal = storeRequestRefusal(method, path, req.headers);
    if (refusal) {
      req.resume();
      res.writeHead(refusal.status, {
        "content-type": "text/plain; charset=utf-8",
        "x-content-type-options": "nosniff",
      });
      res.end(refusal.message);
      return;
    }
    const upstream = http.request(
      { ...options.upstream, method, path, headers: forwardedHeaders(req.headers), agent },
      (answer) => {
        const headers = { ...answer.headers };
        for (const name of HOP_BY_HOP) delete headers[name];
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
      res.end("The app is not answering");
    });
    req.on("aborted", () => upstream.destroy());
    req.pipe(upstream);
  });
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      agent.destroy();
      const taken = error.code === "EADDRINUSE" || error.code === "EACCES";
      reject(
        taken
          ? new Error(
              `cannot listen on port ${options.port} for the demo storefront (${error.code}): set DEMO_STORE_PORT to a free port, or DEMO_STORE=off`,
            )
          : error,
      );
    });
    server.listen(options.port, options.host ?? "0.0.0.0", () => {
      server.removeAllListeners("error");
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            agent.destroy();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
