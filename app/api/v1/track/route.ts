// POST /api/v1/track — Segment-spec track call, stored against the resolved profile
import { corsPreflight } from "@/lib/api/cors";
import { nextRoute } from "@/lib/api/route";
import { appIngest } from "@/lib/events/runtime/endpoints";

export const POST = nextRoute(appIngest.track);

export const OPTIONS = corsPreflight;
