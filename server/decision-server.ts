import http from "node:http";
import { preflightHeaders } from "@/lib/api/cors";
import { answer, type Endpoint } from "@/lib/api/endpoint";
import { ApiError, errorBody } from "@/lib/api/errors";
import { databaseAvailability } from "@/lib/db/availability";
import { decideEndpoint } from "@/lib/decide/runtime/decide-endpoint";
import { exposureStats } from "@/lib/decide/runtime/exposure-buffer";
import { consentEndpoint, ingestEndpoints } from "@/lib/events/runtime/endpoints";
import { bufferEvents, eventBufferStats } from "@/lib/events/runtime/event-buffer";
import { serveWith, writeAnswer } from "./node-endpoint";
import { readiness } from "./readiness";
import { registerSubscribers } from "./subscribers";

/** Events taken by this server wait in the buffer (which signals `eventsBuffered`: cached visitors of them are forgotten). */
const ingest = ingestEndpoints(async (workspace, events) => bufferEvents(workspace, events));

/** The routes, under `/v1/…` and also `/api/v1/…` (so that the SDK needs only its host changed). */
const ROUTES = new Map<string, Endpoint>([
  ["/v1/decide", decideEndpoint],
  ...Object.entries(ingest).map(([type, serve]) => [`/v1/${type}`, serve] as [string, Endpoint]),
  ["/v1/consent", consentEndpoint],
]);

const notFound = answer(
  404,
  errorBody(
    new ApiError(
      "not_found",
      "No such endpoint: the decision server serves POST /v1/decide, /v1/track, /v1/identify, /v1/page, /v1/screen, /v1/alias, /v1/group, /v1/batch, /v1/consent",
    ),
  ),
);

function routeOf(url: string): string {
  const path = url.split("?", 1)[0]!;
  return path.startsWith("/api/v1/") ? path.slice(4) : path;
}

/**
 * The standalone decision server: the app's decide and ingest endpoints on
 * `node:http`, plus `/healthz` (alive) and `/readyz` (snapshots loaded; says
 * whether the database answers).
 */
export function createDecisionServer(): http.Server {
  registerSubscribers();
  return http.createServer((req, res) => {
    const path = routeOf(req.url ?? "/");
    if (req.method === "POST") {
      const serve = ROUTES.get(path);
      if (serve) return void serveWith(serve, req, res);
    } else if (req.method === "OPTIONS" && ROUTES.has(path)) {
      return writeAnswer(res, answer(204, undefined, preflightHeaders(req.headers.origin ?? null)));
    } else if (req.method === "GET" && path === "/healthz") {
      return writeAnswer(res, answer(200, { status: "ok" }));
    } else if (req.method === "GET" && path === "/readyz") {
      const state = readiness();
      const body = {
        status: state,
        database: databaseAvailability(),
        events: eventBufferStats(),
        exposures: exposureStats(),
      };
      return writeAnswer(res, answer(state === "starting" ? 503 : 200, body));
    }
    req.resume();
    writeAnswer(res, notFound);
  });
}
