import { endpoint, JsonText } from "@/lib/api/endpoint";
import { readPreviewToken } from "@/lib/experiments/preview-token";
import { decideAnswerJson } from "../answer-json";
import { plainDecideBody } from "../plain-body";
import { decideBodySchema } from "../request";
import { browserDecision } from "./browser-decision";
import { serveDecision } from "./serve-decision";

/**
 * `POST /v1/decide`, defined once for the app (`/api/v1/decide`) and the
 * decision server (`/v1/decide`). With a client key (public, in the page):
 * a userId counts only with its userHash (else, when the workspace requires
 * it, the visitor is decided as anonymous), only the workspace's request
 * traits take part, and the answer carries no profileId.
 */
export const decideEndpoint = endpoint(
  { auth: "decide", cors: true, maxBytes: 16 * 1024, body: decideBodySchema, plainBody: plainDecideBody },
  async ({ caller, body, request }) => {
    const countryHeader = request.header("cf-ipcountry") ?? request.header("x-vercel-ip-country");
    const now = Date.now();
    // a preview link's token, made by the dashboard for this workspace: it shows a variation and records nothing
    const preview = body.preview
      ? readPreviewToken(body.preview, caller.workspaceId, caller.workspace.identitySalt, now)
      : null;
    if (caller.kind !== "client")
      return new JsonText(
        decideAnswerJson(await serveDecision(caller.workspaceId, body, { countryHeader, now, preview })),
      );
    const workspace = { id: caller.workspaceId, requestTraits: caller.workspace.requestTraits };
    return new JsonText(
      decideAnswerJson(await browserDecision(workspace, caller.trust, body, { countryHeader, now, preview })),
    );
  },
);
