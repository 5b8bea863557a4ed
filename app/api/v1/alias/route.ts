// POST /api/v1/alias — Segment-spec alias call, stored against the resolved profile
import { corsPreflight } from "@/lib/api/cors";
import { nextRoute } from "@/lib/api/route";
import { appIngest } from "@/lib/events/runtime/endpoints";

export const POST = nextRoute(appIngest.alias);

export const OPTIONS = corsPreflight;
