// POST /api/v1/decide — what each placement shows this visitor, and why
import { corsPreflight } from "@/lib/api/cors";
import { nextRoute } from "@/lib/api/route";
import { decideEndpoint } from "@/lib/decide/runtime/decide-endpoint";

export const POST = nextRoute(decideEndpoint);

export const OPTIONS = corsPreflight;
