// POST /api/v1/batch — up to 2,500 Segment-spec messages (500 KB); good items are stored, bad ones reported by index
import { corsPreflight } from "@/lib/api/cors";
import { nextRoute } from "@/lib/api/route";
import { appIngest } from "@/lib/events/runtime/endpoints";

export const POST = nextRoute(appIngest.batch);

export const OPTIONS = corsPreflight;
