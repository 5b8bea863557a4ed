import { z } from "zod";
import { workspaceQuery } from "@/lib/actions/query-client";
import { ActionError } from "@/lib/actions/result";
import { buildSnapshot, type SnapshotConfig } from "@/lib/decide/build-snapshot";
import { decide } from "@/lib/decide/decide";
import { explainPlacement, type ExperienceWhy } from "@/lib/decide/explain";
import { loadSnapshotConfig } from "@/lib/decide/db/load-config";
import { loadVisitor } from "@/lib/decide/db/load-visitor";
import { segmentRuleSchema } from "@/lib/segments/schema";
import type { VisitContext } from "@/lib/segments/state";
import { compileTemplate, type TemplateError } from "../template";

const text = z.string().max(500).optional();
export const previewInputSchema = z.object({
  placementId: z.string().min(1).max(40),
  /** The experience being edited, as if it were live (unsaved changes included). */
  draft: z
    .object({
      experienceId: z.string().max(40).optional(),
      name: z.string().max(120),
      target: z.union([
        z.object({ kind: z.literal("segment"), segmentId: z.string().max(40) }),
        z.object({ kind: z.literal("rule"), rule: z.unknown() }),
      ]),
      body: z.string().max(50_000),
    })
    .optional(),
  as: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("profile"), profileId: z.string().min(1).max(40) }),
    z.object({
      kind: z.literal("visitor"),
      traits: z.record(z.string().max(120), z.union([z.string().max(500), z.number(), z.boolean()])).default({}),
      context: z
        .object({
          country: text,
          device: text,
          path: text,
          utmSource: text,
          utmCampaign: text,
          visitor: z.enum(["new", "returning"]).optional(),
        })
        .default({}),
    }),
  ]),
});

export type DecisionPreview = {
  content: string | null;
  contentType: "html" | "text" | "json";
  experienceId: string | null;
  reason: string | null;
  why: ExperienceWhy[];
  blockedBy: "kill_switch" | "no_consent" | null;
  templateErrors: TemplateError[];
  profileLabel: string | null;
};

/** The placement's decision for a real profile or a made-up visitor, with the draft experience applied, and why. */
export const previewDecisionDef = workspaceQuery({
  name: "content.preview",
  role: "viewer",
  input: previewInputSchema,
  async handler(ctx, input): Promise<DecisionPreview> {
    const config = await loadSnapshotConfig(ctx.workspaceId);
    const placement = config?.placements.find((p) => p.id === input.placementId);
    if (!config || !placement) throw new ActionError("not_found", "This placement is not in this workspace");
    let templateErrors: TemplateError[] = [];
    if (input.draft) {
      const d = input.draft;
      const compiled = compileTemplate(d.body, placement.contentType);
      if (!compiled.ok) templateErrors = compiled.errors;
      // a rule still being built (not valid yet) previews as matching no one, never as everyone
      const parsed = d.target.kind === "rule" ? segmentRuleSchema.safeParse(d.target.rule) : null;
      const rule = parsed
        ? parsed.success
          ? parsed.data
          : { type: "group" as const, id: "incomplete", combinator: "or" as const, children: [] }
        : null;
      const draft: SnapshotConfig["placements"][number]["experiences"][number] = {
        id: d.experienceId ?? "draft",
        name: d.name || "This experience",
        isDefault: false,
        status: "live",
        priority: placement.experiences.find((e) => e.id === d.experienceId)?.priority ?? 999_999,
        segmentId: d.target.kind === "segment" ? d.target.segmentId : null,
        rule,
        startsAt: null,
        endsAt: null,
        variants: [{ id: "draft-variant", name: d.name, body: d.body }],
      };
      placement.experiences = [...placement.experiences.filter((e) => e.id !== d.experienceId), draft];
    }
    const now = Date.now();
    const snapshot = buildSnapshot(config, now);
    const asProfile = input.as.kind === "profile";
    const visitor = asProfile
      ? await loadVisitor(
          ctx.workspaceId,
          { profileId: (input.as as { profileId: string }).profileId },
          snapshot.historyDays,
          now,
        )
      : { profileId: null, profile: null, personalization: true, assignments: [] };
    if (asProfile && !visitor.profileId) throw new ActionError("not_found", "No such profile in this workspace");
    const context: VisitContext =
      input.as.kind === "visitor"
        ? input.as.context
        : { visitor: (visitor.profile?.computed.sessions ?? 0) > 1 ? "returning" : "new" };
    const traits = input.as.kind === "visitor" ? input.as.traits : undefined;
    const request = { placements: [placement.key], ids: {}, context, traits, now };
    const decision = decide(snapshot, visitor, request).decisions[placement.key];
    const why = explainPlacement(snapshot, placement.key, visitor, request);
    const t = visitor.profile?.traits ?? {};
    return {
      content: decision?.content ?? null,
      contentType: placement.contentType,
      experienceId: decision?.experienceId ?? null,
      reason: decision?.reason ?? null,
      why: why.experiences,
      blockedBy: why.blockedBy,
      templateErrors,
      profileLabel: asProfile ? String(t.email ?? t.first_name ?? visitor.profileId) : null,
    };
  },
});
