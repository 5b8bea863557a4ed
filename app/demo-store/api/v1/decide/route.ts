// POST /demo-store/api/v1/decide — the decision API for the demo storefront (its workspace, no key needed). Public,
// like a client key: a userId counts only when it is the customer the store's session signs in.
import { JsonText } from "@/lib/api/endpoint";
import { apiRoute } from "@/lib/api/route";
import { ApiError } from "@/lib/api/errors";
import { decideAnswerJson } from "@/lib/decide/answer-json";
import { decideBodySchema } from "@/lib/decide/request";
import { browserDecision } from "@/lib/decide/runtime/browser-decision";
import { demoPreview } from "@/lib/demo-store/runtime/preview";
import { demoStoreEnabled } from "@/lib/demo-store/runtime/enabled";
import { demoSessionTrust } from "@/lib/demo-store/session-trust";
import { demoWorkspace } from "@/lib/demo-store/runtime/workspace";

export const POST = apiRoute(
  { auth: "public", maxBytes: 16 * 1024, body: decideBodySchema },
  async ({ body, request }) => {
    const workspace = demoStoreEnabled() ? await demoWorkspace() : null;
    if (!workspace) throw new ApiError("not_found", "The demo store is off");
    // a previewed visit's browser-side decisions (the cart's upsell) show the variation and record nothing, like its pages'
    const preview = await demoPreview(workspace, body.preview);
    const trust = demoSessionTrust(workspace.identitySalt, request.header("cookie"));
    // the same answer as /v1/decide's to a client key: decisions cut to the fields a storefront reads, no profileId
    return new JsonText(decideAnswerJson(await browserDecision(workspace, trust, body, { now: Date.now(), preview })));
  },
);
