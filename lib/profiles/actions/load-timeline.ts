import { workspaceQuery } from "@/lib/actions/query-client";
import { ActionError } from "@/lib/actions/result";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { timelineInputSchema, type TimelineCursor } from "../schema";

export const TIMELINE_PAGE_SIZE = 50;

/** One event as the timeline shows it: plain, serializable data (ids as strings, times as ISO). */
export type TimelineEvent = {
  id: string;
  type: string;
  name: string;
  occurredAt: string;
  properties: unknown;
  context: unknown;
};
export type TimelinePage = { events: TimelineEvent[]; nextCursor: TimelineCursor | null };

/**
 * A page of one profile's events, newest first (occurredAt desc, id desc),
 * after the cursor. Keyset pagination: events ingested while the marketer
 * scrolls never shift a page, so none is shown twice or skipped.
 */
export const timelineQueryDef = workspaceQuery({
  name: "profile.timeline",
  role: "viewer",
  input: timelineInputSchema,
  async handler(ctx, { profileId, name, cursor }): Promise<TimelinePage> {
    const profile = await db.profile.findFirst({
      where: { id: profileId, workspaceId: ctx.workspaceId },
      select: { id: true },
    });
    if (!profile) throw new ActionError("not_found", "This profile is not in this workspace (it may have been merged)");
    const where: Prisma.EventWhereInput = { workspaceId: ctx.workspaceId, profileId, ...(name ? { name } : {}) };
    if (cursor) {
      const at = new Date(cursor.occurredAt);
      // The redundant `lte` lets Postgres bound the index range scan; the OR breaks ties by id.
      where.occurredAt = { lte: at };
      where.OR = [{ occurredAt: { lt: at } }, { occurredAt: at, id: { lt: BigInt(cursor.id) } }];
    }
    const rows = await db.event.findMany({
      where,
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      take: TIMELINE_PAGE_SIZE + 1,
      select: { id: true, type: true, name: true, occurredAt: true, properties: true, context: true },
    });
    const events = rows
      .slice(0, TIMELINE_PAGE_SIZE)
      .map((e) => ({ ...e, id: String(e.id), occurredAt: e.occurredAt.toISOString() }));
    const last = events.at(-1);
    return {
      events,
      nextCursor: rows.length > TIMELINE_PAGE_SIZE && last ? { occurredAt: last.occurredAt, id: last.id } : null,
    };
  },
});
