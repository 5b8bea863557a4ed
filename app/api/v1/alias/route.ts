// POST /api/v1/alias — Segment-spec alias call, stored against the resolved profile
import { corsPreflight } from "@/lib/api/cors";
import { apiRoute } from "@/lib/api/route";
import { handleMessage } from "@/lib/events/handlers";
import { MAX_EVENT_BYTES } from "@/lib/events/limits";
import { typedMessageSchema } from "@/lib/events/schema";

export const POST = apiRoute({ auth: "ingest", cors: true, keyInBody: true, maxBytes: MAX_EVENT_BYTES, body: typedMessageSchema("alias") }, ({ caller, body }) => handleMessage(caller.workspace, body));

export const OPTIONS = corsPreflight;
