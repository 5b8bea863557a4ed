import { endpoint, JsonText } from "@/lib/api/endpoint";
import { decideAnswerJson } from "../answer-json";
import { plainDecideBody } from "../plain-body";
import { decideBodySchema } from "../request";
import { serveDecision } from "./serve-decision";

/** `POST /v1/decide`, defined once for the app (`/api/v1/decide`) and the decision server (`/v1/decide`). */
export const decideEndpoint = endpoint(
  { auth: "decide", cors: true, maxBytes: 16 * 1024, body: decideBodySchema, plainBody: plainDecideBody },
  async ({ caller, body, request }) => {
    const served = await serveDecision(caller.workspaceId, body, {
      countryHeader: request.header("cf-ipcountry") ?? request.header("x-vercel-ip-country"),
    });
    return new JsonText(decideAnswerJson(served));
  },
);
