import { z } from "zod";
import { workspaceAction } from "@/lib/actions/action-client";
import { ActionError } from "@/lib/actions/result";
import { storedIdentityValue } from "@/lib/identity/normalize";
import { segmentDetailsSchema } from "./save-segment";

export const MAX_UPLOAD_ENTRIES = 50_000;

/** The entries of a pasted or uploaded list: one per line or comma, trimmed, without blanks, a header or repeats. */
export function parseEntries(text: string): string[] {
  const entries = text
    .split(/[\r\n,;\t]+/)
    .map((e) =>
      e
        .trim()
        .replace(/^"(.*)"$/, "$1")
        .trim(),
    )
    .filter(Boolean);
  if (entries.length > 0 && /^(email|e-mail|user_?id|id|profile_?id|anonymous_?id)$/i.test(entries[0]!))
    entries.shift();
  return [...new Set(entries)];
}

/**
 * Creates a static segment from a list of profile ids, user ids, anonymous
 * ids or emails (matched by their salted hash). Entries that match no
 * profile are counted and a few are shown back.
 */
export const uploadStaticSegmentDef = workspaceAction({
  name: "segment.upload",
  role: "editor",
  input: segmentDetailsSchema.extend({ entries: z.string().max(4_000_000, "The list is too large") }),
  async handler(ctx, { name, description, entries: text }) {
    const entries = parseEntries(text);
    if (entries.length === 0)
      throw new ActionError("invalid_input", "The list is empty", {
        entries: ["Paste or upload at least one id or email"],
      });
    if (entries.length > MAX_UPLOAD_ENTRIES)
      throw new ActionError("invalid_input", "The list is too long", {
        entries: [
          `At most ${MAX_UPLOAD_ENTRIES.toLocaleString("en-US")} entries (this one has ${entries.length.toLocaleString("en-US")})`,
        ],
      });
    const workspace = await ctx.db.workspace.findUniqueOrThrow({
      where: { id: ctx.workspaceId },
      select: { identitySalt: true },
    });
    const emailHashes = entries.map((e) =>
      e.includes("@") ? storedIdentityValue("email", e, workspace.identitySalt) : null,
    );
    const matches = await ctx.db.$queryRawUnsafe<{ entry: string; profile_id: string | null }[]>(
      `SELECT u.entry, coalesce(p.id, i.profile_id, e.profile_id) AS profile_id
       FROM unnest($2::text[], $3::text[]) AS u(entry, email_hash)
       LEFT JOIN profiles p ON p.workspace_id = $1 AND p.id = u.entry
       LEFT JOIN LATERAL (SELECT profile_id FROM identities WHERE workspace_id = $1 AND type IN ('user_id', 'anonymous_id') AND value = u.entry LIMIT 1) i ON true
       LEFT JOIN identities e ON e.workspace_id = $1 AND e.type = 'email' AND e.value = u.email_hash`,
      ctx.workspaceId,
      entries,
      emailHashes,
    );
    const profileIds = [...new Set(matches.flatMap((m) => (m.profile_id ? [m.profile_id] : [])))];
    const unmatched = matches.filter((m) => !m.profile_id).map((m) => m.entry);
    const now = new Date();
    const segment = await ctx.db.segment.create({
      data: {
        workspaceId: ctx.workspaceId,
        name,
        description,
        kind: "static",
        source: "upload",
        size: profileIds.length,
        lastComputedAt: now,
      },
    });
    await ctx.db.$executeRawUnsafe(
      `INSERT INTO segment_memberships (workspace_id, segment_id, profile_id, entered_at) SELECT $1, $2, id, $3::timestamptz FROM unnest($4::text[]) AS id`,
      ctx.workspaceId,
      segment.id,
      now.toISOString(),
      profileIds,
    );
    await ctx.db.segmentSizePoint.create({
      data: { workspaceId: ctx.workspaceId, segmentId: segment.id, at: now, size: profileIds.length },
    });
    ctx.audit({
      action: "segment.upload",
      targetType: "segment",
      targetId: segment.id,
      after: { name, entries: entries.length, matched: profileIds.length, unmatched: unmatched.length },
    });
    return {
      segmentId: segment.id,
      entries: entries.length,
      matched: profileIds.length,
      unmatched: unmatched.length,
      unmatchedSample: unmatched.slice(0, 10),
    };
  },
});
