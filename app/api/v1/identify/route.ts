// POST /api/v1/identify — Segment-spec identify call, stored against the resolved profile
import { corsPreflight } from "@/lib/api/cors";
import { nextRoute } from "@/lib/api/route";
import { appIngest } from "@/lib/events/runtime/endpoints";

export const POST = nextRoute(appIngest.identify);

export const OPTIONS = corsPreflight;
