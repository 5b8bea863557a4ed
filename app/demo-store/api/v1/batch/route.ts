// POST /demo-store/api/v1/batch — the demo storefront's events, into the demo workspace (no key needed)
import { apiRoute } from "@/lib/api/route";
import { ApiError } from "@/lib/api/errors";
import { handleBatch } from "@/lib/events/runtime/handlers";
import { MAX_BATCH_BYTES } from "@/lib/events/limits";
import { batchEnvelopeSchema } from "@/lib/events/schema";
import { demoStoreEnabled } from "@/lib/demo-store/runtime/enabled";
import { demoWorkspace } from "@/lib/demo-store/runtime/workspace";

export const POST = apiRoute(
  { auth: "public", maxBytes: MAX_BATCH_BYTES, body: batchEnvelopeSchema },
  async ({ body }) => {
    const workspace = demoStoreEnabled() ? await demoWorkspace() : null;
    if (!workspace) throw new ApiError("not_found", "The demo store is off");
    return handleBatch(workspace, body);
  },
);
