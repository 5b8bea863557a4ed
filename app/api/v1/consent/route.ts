// POST /api/v1/consent — a person's consent per purpose (analytics, personalization, marketing)
import { corsPreflight } from "@/lib/api/cors";
import { nextRoute } from "@/lib/api/route";
import { appIngest } from "@/lib/events/runtime/endpoints";

export const POST = nextRoute(appIngest.consent);

export const OPTIONS = corsPreflight;
