// POST /demo-store/api/v1/decide — the decision API for the demo storefront (its workspace, no key needed)
import { JsonText } from "@/lib/api/endpoint";
import { apiRoute } from "@/lib/api/route";
import { ApiError } from "@/lib/api/errors";
import { decideAnswerJson } from "@/lib/decide/answer-json";
import { decideBodySchema } from "@/lib/decide/request";
import { serveDecision } from "@/lib/decide/runtime/serve-decision";
import { demoPreview } from "@/lib/demo-store/runtime/preview";
import { demoStoreEnabled } from "@/lib/demo-store/runtime/enabled";
import { demoWorkspace } from "@/lib/demo-store/runtime/workspace";

export const POST = apiRoute({ auth: "public", maxBytes: 16 * 1024, body: decideBodySchema }, async ({ body }) => {
  const workspace = demoStoreEnabled() ? await demoWorkspace() : null;
  if (!workspace) throw new ApiError("not_found", "The demo store is off");
  // a previewed visit's browser-side decisions (the cart's upsell) show the variation and record nothing, like its pages'
  const preview = await demoPreview(workspace, body.preview);
  // the same answer as /v1/decide's: decisions cut to the fields a storefront reads
  return new JsonText(decideAnswerJson(await serveDecision(workspace.id, body, { preview })));
});
