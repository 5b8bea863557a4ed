// POST /api/v1/decide — what each placement shows this visitor, and why
import { corsPreflight } from "@/lib/api/cors";
import { apiRoute } from "@/lib/api/route";
import { decideBodySchema } from "@/lib/decide/request";
import { serveDecision } from "@/lib/decide/queries/serve-decision";

export const POST = apiRoute({ auth: "decide", cors: true, maxBytes: 16 * 1024, body: decideBodySchema }, ({ caller, body, request }) =>
  serveDecision(caller.workspaceId, body, { countryHeader: request.headers.get("cf-ipcountry") ?? request.headers.get("x-vercel-ip-country") }),
);

export const OPTIONS = corsPreflight;
