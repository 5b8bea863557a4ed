import { z } from "zod";
import { workspaceQuery } from "@/lib/actions/query-client";
import { ActionError } from "@/lib/actions/result";
import { getPreviewSecret } from "../db/get-preview-secret";
import { getVariation } from "../db/get-variation";
import { PREVIEW_TTL_MS, previewToken } from "../preview-token";

export const previewLinkInputSchema = z.object({
  experimentId: z.string().min(1).max(64),
  variationId: z.string().min(1).max(64),
  /** The storefront page to open (where the browser SDK runs). */
  url: z
    .string()
    .trim()
    .max(2000)
    .url("A full address, e.g. https://shop.example/")
    .refine((u) => /^https?:\/\//i.test(u), "An http or https address"),
});

/**
 * A link that opens a storefront page showing one variation of an
 * experiment, for 24 hours, to whoever opens it: the SDK keeps the token for
 * the tab and sends it with every decision; those decisions are never
 * recorded. Archived experiments have nothing to preview.
 */
export const previewLinkDef = workspaceQuery({
  name: "experiment.previewLink",
  role: "viewer",
  input: previewLinkInputSchema,
  async handler(ctx, input): Promise<{ url: string; expiresAt: string }> {
    const variation = await getVariation(ctx.workspaceId, input.experimentId, input.variationId);
    if (!variation) throw new ActionError("not_found", "This variation is not in this workspace");
    if (variation.experiment.status === "archived")
      throw new ActionError("invalid_input", "An archived experiment has nothing to preview");
    const salt = await getPreviewSecret(ctx.workspaceId);
    if (!salt) throw new ActionError("not_found", "No such workspace");
    const expiresAt = Date.now() + PREVIEW_TTL_MS;
    const token = previewToken(
      { workspaceId: ctx.workspaceId, experimentId: input.experimentId, variationId: variation.id, expiresAt },
      salt,
    );
    const url = new URL(input.url);
    url.searchParams.set("pz_preview", token);
    return { url: url.toString(), expiresAt: new Date(expiresAt).toISOString() };
  },
});
