// POST /api/v1/consent — a person's consent per purpose (analytics, personalization, marketing)
import { corsPreflight } from "@/lib/api/cors";
import { apiRoute } from "@/lib/api/route";
import { handleConsent } from "@/lib/events/handlers";
import { MAX_EVENT_BYTES } from "@/lib/events/limits";
import { consentBodySchema } from "@/lib/events/schema";

export const POST = apiRoute({ auth: "ingest", cors: true, keyInBody: true, maxBytes: MAX_EVENT_BYTES, body: consentBodySchema }, ({ caller, body }) => handleConsent(caller.workspace, body));

export const OPTIONS = corsPreflight;
