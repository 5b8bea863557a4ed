import { z } from "zod";
import { ActionError } from "@/lib/actions/result";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkJsonSchema, checkTemplate, type ContentType, type TemplateError } from "../template";

export const CONTENT_TYPES = ["html", "text", "json"] as const;
export const placementKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "Lowercase letters, digits and dashes, like home-hero");
export const templateBodySchema = z.string().max(50_000, "At most 50,000 characters");

/** A JSON schema typed by the marketer: parsed and checked, or field errors. */
export function parseJsonSchema(text: string | null | undefined, field = "jsonSchema"): unknown {
  if (!text?.trim()) return null;
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (error) {
    throw new ActionError("invalid_input", "The JSON schema needs attention", {
      [field]: [`Not valid JSON: ${(error as Error).message}`],
    });
  }
  const errors = checkJsonSchema(schema);
  if (errors.length > 0)
    throw new ActionError("invalid_input", "The JSON schema needs attention", {
      [field]: errors.map((e) => e.message),
    });
  return schema;
}

const formatError = (e: TemplateError) => `Line ${e.line}, column ${e.column}: ${e.message}`;

/** Refuses a template that does not compile (with line and column), or JSON content that breaks the placement's schema. */
export function requireValidTemplate(
  body: string,
  contentType: ContentType,
  jsonSchema: unknown,
  field = "body",
): void {
  const errors = checkTemplate(body, contentType, jsonSchema ?? undefined);
  if (errors.length > 0)
    throw new ActionError("invalid_input", "The content needs attention", { [field]: errors.map(formatError) });
}

/** The workspace's placement with this id, or not_found (also for another workspace's id). */
export async function requirePlacement(tx: Prisma.TransactionClient, workspaceId: string, placementId: string) {
  const placement = await tx.placement.findFirst({ where: { id: placementId, workspaceId } });
  if (!placement) throw new ActionError("not_found", "This placement is not in this workspace");
  return placement;
}

/** The workspace's experience (content block) with this id, with its placement, or not_found. */
export async function requireExperience(tx: Prisma.TransactionClient, workspaceId: string, experienceId: string) {
  const block = await tx.experience.findFirst({
    where: { id: experienceId, workspaceId },
    include: { placement: true, variants: { orderBy: { createdAt: "asc" }, take: 1 } },
  });
  if (!block) throw new ActionError("not_found", "This experience is not in this workspace");
  return block;
}

/** The default experience sorts after every other one. */
export const DEFAULT_PRIORITY = 1_000_000;
