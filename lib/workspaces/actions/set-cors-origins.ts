import { z } from "zod";
import { workspaceAction } from "@/lib/actions/action-client";
import { ActionError } from "@/lib/actions/result";
import { changeKeySetting } from "./change-key-setting";
import { parseOrigins } from "../cors-origins";

/** The origins whose pages may call the decision and event API with this workspace's client keys. */
export const setCorsOriginsDef = workspaceAction({
  name: "workspace.set_cors_origins",
  role: "admin",
  input: z.object({ origins: z.string().max(10_000) }),
  async handler(ctx, { origins: text }) {
    const { origins, invalid } = parseOrigins(text);
    if (invalid.length > 0)
      throw new ActionError("invalid_input", "Some entries are not origins", {
        origins: [`Not an origin (like https://shop.example.com): ${invalid.join(", ")}`],
      });
    if (origins.length > 50)
      throw new ActionError("invalid_input", "Too many origins", { origins: ["At most 50 origins"] });
    // the key cache of every process holds each workspace's origins
    await changeKeySetting(ctx, "workspace.set_cors_origins", "corsOrigins", origins);
    return { origins };
  },
});
