import { z } from "zod";
import { workspaceAction } from "@/lib/actions/action-client";
import { ActionError } from "@/lib/actions/result";
import { Prisma } from "@/lib/generated/prisma/client";
import { configChanged } from "@/lib/workspaces/actions/config-changed";
import { isTimeZone, zonedTimeToInstant } from "@/lib/decide/zoned-time";
import { checkSegmentRule } from "@/lib/segments/check-rule";
import { loadSegmentRefs } from "@/lib/segments/db/load-segment-refs";
import { ruleFieldErrors } from "@/lib/segments/issue-paths";
import {
  DEFAULT_PRIORITY,
  requireExperience,
  requirePlacement,
  requireValidTemplate,
  templateBodySchema,
} from "./checks";

const localTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "A date and time")
  .nullish();

export const experienceInputSchema = z.object({
  placementId: z.string().min(1).max(40),
  experienceId: z.string().max(40).optional(),
  name: z.string().trim().min(1, "Give the experience a name").max(120),
  target: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("segment"), segmentId: z.string().min(1, "Choose a segment").max(40) }),
    z.object({ kind: z.literal("rule"), rule: z.unknown() }),
  ]),
  status: z.enum(["draft", "live", "paused"]),
  schedule: z.object({
    startsAt: localTime,
    endsAt: localTime,
    timeZone: z.string().max(64).refine(isTimeZone, "Not a known time zone"),
  }),
  body: templateBodySchema,
});

/**
 * Creates or changes an experience of a placement: who it targets (a saved
 * segment or an inline rule), its content, its status and its schedule
 * (local times in a time zone). New experiences go last, before the default.
 */
export const saveExperienceDef = workspaceAction({
  name: "experience.save",
  role: "editor",
  input: experienceInputSchema,
  async handler(ctx, input) {
    const placement = await requirePlacement(ctx.db, ctx.workspaceId, input.placementId);
    const existing = input.experienceId ? await requireExperience(ctx.db, ctx.workspaceId, input.experienceId) : null;
    if (existing && (existing.placementId !== placement.id || existing.isDefault))
      throw new ActionError("invalid_input", "Edit the default content from the placement's page");
    const refs = await loadSegmentRefs(ctx.workspaceId);
    let segmentId: string | null = null;
    let rules: Prisma.InputJsonValue | typeof Prisma.DbNull = Prisma.DbNull;
    if (input.target.kind === "segment") {
      const segment = refs.get(input.target.segmentId);
      if (!segment)
        throw new ActionError("invalid_input", "Choose a segment of this workspace", {
          "target.segmentId": ["Choose a segment of this workspace"],
        });
      segmentId = input.target.segmentId;
    } else {
      const checked = checkSegmentRule(input.target.rule, undefined, refs);
      if ("issues" in checked)
        throw new ActionError("invalid_input", "The rule needs attention", ruleFieldErrors(checked.issues));
      rules = checked.rule as unknown as Prisma.InputJsonValue;
    }
    requireValidTemplate(input.body, placement.contentType, placement.jsonSchema);
    const { timeZone } = input.schedule;
    const startsAt = input.schedule.startsAt ? new Date(zonedTimeToInstant(input.schedule.startsAt, timeZone)) : null;
    const endsAt = input.schedule.endsAt ? new Date(zonedTimeToInstant(input.schedule.endsAt, timeZone)) : null;
    if (startsAt && endsAt && endsAt <= startsAt)
      throw new ActionError("invalid_input", "The schedule ends before it starts", {
        "schedule.endsAt": ["End after the start"],
      });
    const data = { name: input.name, status: input.status, segmentId, rules, startsAt, endsAt, timeZone };
    let experienceId: string;
    if (existing) {
      await ctx.db.experience.update({ where: { id: existing.id }, data });
      if (existing.variants[0])
        await ctx.db.variant.update({ where: { id: existing.variants[0].id }, data: { body: input.body } });
      else
        await ctx.db.variant.create({
          data: { workspaceId: ctx.workspaceId, experienceId: existing.id, name: input.name, body: input.body },
        });
      experienceId = existing.id;
    } else {
      const last = await ctx.db.experience.aggregate({
        where: { workspaceId: ctx.workspaceId, placementId: placement.id, isDefault: false },
        _max: { priority: true },
      });
      const created = await ctx.db.experience.create({
        data: {
          ...data,
          workspaceId: ctx.workspaceId,
          placementId: placement.id,
          priority: Math.min((last._max.priority ?? 0) + 1, DEFAULT_PRIORITY - 1),
          variants: { create: { workspaceId: ctx.workspaceId, name: input.name, body: input.body } },
        },
      });
      experienceId = created.id;
    }
    await configChanged(ctx);
    ctx.audit({
      action: existing ? "experience.update" : "experience.create",
      targetType: "experience",
      targetId: experienceId,
      before: existing
        ? {
            name: existing.name,
            status: existing.status,
            segmentId: existing.segmentId,
            rules: existing.rules,
            body: existing.variants[0]?.body,
          }
        : undefined,
      after: {
        name: input.name,
        status: input.status,
        target: input.target,
        body: input.body,
        startsAt,
        endsAt,
        timeZone,
      },
    });
    return { experienceId };
  },
});
