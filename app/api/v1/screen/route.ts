// POST /api/v1/screen — Segment-spec screen call, stored against the resolved profile
import { corsPreflight } from "@/lib/api/cors";
import { nextRoute } from "@/lib/api/route";
import { appIngest } from "@/lib/events/runtime/endpoints";

export const POST = nextRoute(appIngest.screen);

export const OPTIONS = corsPreflight;
