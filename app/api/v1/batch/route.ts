// POST /api/v1/batch — up to 2,500 Segment-spec messages (500 KB); good items are stored, bad ones reported by index
import { corsPreflight } from "@/lib/api/cors";
import { apiRoute } from "@/lib/api/route";
import { handleBatch } from "@/lib/events/handlers";
import { MAX_BATCH_BYTES } from "@/lib/events/limits";
import { batchEnvelopeSchema } from "@/lib/events/schema";

export const POST = apiRoute({ auth: "ingest", cors: true, keyInBody: true, maxBytes: MAX_BATCH_BYTES, body: batchEnvelopeSchema }, ({ caller, body }) => handleBatch(caller.workspace, body));

export const OPTIONS = corsPreflight;
