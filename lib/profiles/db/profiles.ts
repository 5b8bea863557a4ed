import { db } from "@/lib/db/client";
import type { ProfileListRow } from "../columns";
import { asTraits } from "../display";
import { profileSearchCondition } from "./search";

export const PROFILES_PAGE_SIZE = 50;
/** Trait keys are read from the most recently seen profiles only, so the column list stays cheap on big workspaces. */
const TRAIT_KEY_SAMPLE = 1_000;
const MAX_TRAIT_KEYS = 200;

const listSelect = {
  id: true,
  traits: true,
  sessions: true,
  eventCount: true,
  orders: true,
  revenue: true,
  lastOrderAt: true,
  firstSeenAt: true,
  lastSeenAt: true,
  rfmRecency: true,
  rfmFrequency: true,
  rfmMonetary: true,
} as const;

/**
 * One page of the workspace's profiles, most recently seen first; `q`
 * searches identities (email, phone, user id, anonymous id) and trait values
 * (see profileSearchCondition).
 */
export async function listProfiles(
  workspace: { id: string; identitySalt: string },
  { q, page }: { q?: string; page: number },
) {
  const { total, ids } = q ? await searchProfileIds(workspace, q, page) : await recentProfileIds(workspace.id, page);
  const found = await db.profile.findMany({
    where: { workspaceId: workspace.id, id: { in: ids } },
    select: listSelect,
  });
  const byId = new Map(found.map((p) => [p.id, p]));
  const rows: ProfileListRow[] = ids.flatMap((id) => {
    const p = byId.get(id);
    return p ? [{ ...p, traits: asTraits(p.traits), revenue: p.revenue.toNumber() }] : [];
  });
  return { total, rows, pages: Math.max(1, Math.ceil(total / PROFILES_PAGE_SIZE)) };
}

const skip = (page: number) => (page - 1) * PROFILES_PAGE_SIZE;

/** Without a search, the (workspaceId, lastSeenAt) index serves the page directly. */
async function recentProfileIds(workspaceId: string, page: number) {
  const [total, rows] = await Promise.all([
    db.profile.count({ where: { workspaceId } }),
    db.profile.findMany({
      where: { workspaceId },
      orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
      skip: skip(page),
      take: PROFILES_PAGE_SIZE,
      select: { id: true },
    }),
  ]);
  return { total, ids: rows.map((r) => r.id) };
}

/**
 * A search reads the workspace's profiles once (a trait substring cannot use
 * an index) and takes both the total and the page from that one pass; on
 * 100k profiles this is one sequential scan, about as fast as a count alone.
 */
async function searchProfileIds(workspace: { id: string; identitySalt: string }, q: string, page: number) {
  const [result] = await db.$queryRaw<{ total: number; ids: string[] | null }[]>`
    WITH matched AS MATERIALIZED (
      SELECT p.id, p.last_seen_at FROM profiles p WHERE p.workspace_id = ${workspace.id} AND ${profileSearchCondition(workspace, q)}
    )
    SELECT (SELECT count(*)::int FROM matched) AS total,
           (SELECT array_agg(id ORDER BY last_seen_at DESC, id ASC) FROM (
              SELECT id, last_seen_at FROM matched ORDER BY last_seen_at DESC, id ASC LIMIT ${PROFILES_PAGE_SIZE} OFFSET ${skip(page)}) page) AS ids`;
  return { total: result?.total ?? 0, ids: result?.ids ?? [] };
}

/** The trait keys of the workspace's recently seen profiles, sorted, for the column picker. */
export async function profileTraitKeys(workspaceId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ key: string }[]>`
    SELECT DISTINCT k.key FROM (
      SELECT traits FROM profiles WHERE workspace_id = ${workspaceId} AND jsonb_typeof(traits) = 'object'
      ORDER BY last_seen_at DESC LIMIT ${TRAIT_KEY_SAMPLE}
    ) p CROSS JOIN LATERAL jsonb_object_keys(p.traits) AS k(key)
    ORDER BY k.key LIMIT ${MAX_TRAIT_KEYS}`;
  return rows.map((r) => r.key);
}

/** A profile of this workspace with its identities, recent merges and consent history, or null. */
export function getProfile(workspaceId: string, profileId: string) {
  return db.profile.findFirst({
    where: { id: profileId, workspaceId },
    include: {
      identities: { where: { workspaceId }, orderBy: [{ type: "asc" }, { createdAt: "asc" }], take: 100 },
      merges: { where: { workspaceId }, orderBy: { createdAt: "desc" }, take: 50 },
      consentChanges: { where: { workspaceId }, orderBy: [{ changedAt: "desc" }, { id: "desc" }], take: 100 },
    },
  });
}
export type ProfileDetail = NonNullable<Awaited<ReturnType<typeof getProfile>>>;

/** The event names of one profile, with their counts, for the timeline's filter. */
export async function profileEventNames(workspaceId: string, profileId: string) {
  const groups = await db.event.groupBy({
    by: ["name"],
    where: { workspaceId, profileId },
    _count: { _all: true },
    orderBy: { name: "asc" },
    take: 200,
  });
  return groups.map((g) => ({ name: g.name, count: g._count._all }));
}
