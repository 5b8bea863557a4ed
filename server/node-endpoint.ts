import type { IncomingMessage, ServerResponse } from "node:http";
import { jsonTextOf, type ApiAnswer, type ApiRequest, type Endpoint } from "@/lib/api/endpoint";
import { tooLarge } from "@/lib/api/errors";

/** A `node:http` request as the endpoints see it (the same shape the app's route handlers give them). */
export function apiRequestOf(req: IncomingMessage): ApiRequest {
  return {
    method: req.method ?? "GET",
    url: `http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`,
    header: (name) => {
      const value = req.headers[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
    text: (maxBytes) => readLimited(req, maxBytes),
  };
}

/** The body as text; past `maxBytes` the rest is discarded and the request refused with 413. */
function readLimited(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > maxBytes) {
        over = true;
        chunks.length = 0;
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    req.on(
      "end",
      () => over || resolve(chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8")),
    );
    req.on("error", reject);
  });
}

/** Writes an endpoint's answer as JSON (or an empty body). */
export function writeAnswer(res: ServerResponse, result: ApiAnswer): void {
  if (result.body === undefined) {
    res.writeHead(result.status, result.headers);
    res.end();
    return;
  }
  const json = jsonTextOf(result.body); // a string body goes out in one write with the head (a Buffer would be a second one)
  res.writeHead(result.status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(json),
    ...result.headers,
  });
  res.end(json);
}

/** Serves one request with an endpoint; a failure outside the endpoint's own handling is a logged 500. */
export async function serveWith(serve: Endpoint, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    writeAnswer(res, await serve(apiRequestOf(req)));
  } catch (error) {
    console.error("[decide-server]", error);
    if (!res.headersSent)
      writeAnswer(res, { status: 500, body: { error: { code: "internal", message: "Internal error" } }, headers: {} });
  }
}
