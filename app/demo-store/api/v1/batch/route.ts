// POST /demo-store/api/v1/batch — the demo storefront's events, into the demo workspace (no key needed). Public, like
// a client key: a userId counts only when it is the customer the store's session signs in, and no email or phone
// joins profiles.
import { apiRoute } from "@/lib/api/route";
import { ApiError } from "@/lib/api/errors";
import { handleBatch } from "@/lib/events/runtime/handlers";
import { MAX_BATCH_BYTES } from "@/lib/events/limits";
import { batchEnvelopeSchema } from "@/lib/events/schema";
import { demoStoreEnabled } from "@/lib/demo-store/runtime/enabled";
import { demoSessionTrust } from "@/lib/demo-store/session-trust";
import { demoWorkspace } from "@/lib/demo-store/runtime/workspace";

export const POST = apiRoute(
  { auth: "public", maxBytes: MAX_BATCH_BYTES, body: batchEnvelopeSchema },
  async ({ body, request }) => {
    const workspace = demoStoreEnabled() ? await demoWorkspace() : null;
    if (!workspace) throw new ApiError("not_found", "The demo store is off");
    const trust = demoSessionTrust(workspace.identitySalt, request.header("cookie"));
    return handleBatch(workspace, body, undefined, trust);
  },
);
