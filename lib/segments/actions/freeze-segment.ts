import { z } from "zod";
import { workspaceAction } from "@/lib/actions/action-client";
import { ActionError } from "@/lib/actions/result";
import { toSql } from "../to-sql";
import { loadSegmentRefs } from "../db/load-segment-refs";
import { storedRule } from "../stored-rule";
import { isStatementTimeout, STATEMENT_TIMEOUT_SQL, statementTimeoutParam } from "../db/with-statement-timeout";
import { requireSegment } from "./require-segment";
import { RULE_TOO_SLOW } from "./rule-too-slow";

/**
 * How long counting the rule's members may run: less than the 5 s that Prisma
 * gives an action's transaction, so that a slow rule is canceled in Postgres
 * and refused by name instead of left running past an expired transaction.
 */
const FREEZE_TIMEOUT_MS = 4_000;

/** Freezes a dynamic segment: a new static segment holding exactly the profiles that match now. */
export const freezeSegmentDef = workspaceAction({
  name: "segment.freeze",
  role: "editor",
  input: z.object({
    segmentId: z.string().min(1).max(40),
    name: z.string().trim().min(1, "Give the snapshot a name").max(120),
  }),
  async handler(ctx, { segmentId, name }) {
    const source = await requireSegment(ctx.db, ctx.workspaceId, segmentId);
    if (source.kind !== "dynamic")
      throw new ActionError("invalid_input", "Only a dynamic segment can be frozen; duplicate a static one instead");
    const now = new Date();
    const snapshot = await ctx.db.segment.create({
      data: {
        workspaceId: ctx.workspaceId,
        name,
        description: `Members of “${source.name}” on ${now.toISOString().slice(0, 16).replace("T", " ")} UTC`,
        kind: "static",
        source: "snapshot",
        sourceSegmentId: source.id,
      },
    });
    const { predicate, values } = toSql(storedRule(source.rules), {
      workspaceId: ctx.workspaceId,
      now: now.getTime(),
      segments: await loadSegmentRefs(ctx.workspaceId),
    });
    await ctx.db.$queryRawUnsafe(STATEMENT_TIMEOUT_SQL, statementTimeoutParam(FREEZE_TIMEOUT_MS));
    const size = await ctx.db
      .$executeRawUnsafe(
        `INSERT INTO segment_memberships (workspace_id, segment_id, profile_id, entered_at)
       SELECT $1, $${values.length + 1}::text, p.id, $${values.length + 2}::timestamptz FROM profiles p WHERE p.workspace_id = $1 AND ${predicate}`,
        ...values,
        snapshot.id,
        now.toISOString(),
      )
      .catch((error: unknown) => {
        if (isStatementTimeout(error)) throw new ActionError("invalid_input", RULE_TOO_SLOW);
        throw error;
      });
    await ctx.db.segment.update({ where: { id: snapshot.id }, data: { size, lastComputedAt: now } });
    await ctx.db.segmentSizePoint.create({
      data: { workspaceId: ctx.workspaceId, segmentId: snapshot.id, at: now, size },
    });
    ctx.audit({
      action: "segment.freeze",
      targetType: "segment",
      targetId: snapshot.id,
      after: { from: source.id, name, size },
    });
    return { segmentId: snapshot.id, size };
  },
});
