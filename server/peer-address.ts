// Stamps every request the app's HTTP server receives with the connection's own peer address (PEER_HEADER), for
// lib/auth/client-address.ts: Next.js (`next start`) gives route code no socket, and keeps an X-Forwarded-For that a
// client sent, so this is the one address a client cannot choose. Installed once per process, from instrumentation.ts.
import http from "node:http";
import { PEER_HEADER } from "@/lib/auth/client-address";

let installed = false;

/** From now on, every `http.Server` of this process stamps its requests (a client's own header of that name is dropped). */
export function stampPeerAddresses(): void {
  if (installed) return;
  installed = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      const peer = request.socket?.remoteAddress;
      if (peer) request.headers[PEER_HEADER] = peer;
      else delete request.headers[PEER_HEADER];
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}
