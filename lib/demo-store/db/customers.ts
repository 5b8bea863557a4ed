import { pgPool } from "@/lib/db/pg-pool";

export type DemoCustomer = { userId: string; name: string; segment: string };

/** A few demo customers to "sign in" as on the storefront: a member of each of some demo segments, so each personalization can be seen. */
export async function demoCustomers(workspaceId: string): Promise<DemoCustomer[]> {
  const { rows } = await pgPool().query<DemoCustomer>(
    `SELECT DISTINCT ON (s.name) i.value AS "userId", coalesce(p.traits ->> 'first_name', '') || ' ' || coalesce(p.traits ->> 'last_name', '') AS name, s.name AS segment
     FROM segments s
     JOIN segment_memberships m ON m.workspace_id = s.workspace_id AND m.segment_id = s.id AND m.exited_at IS NULL
     JOIN profiles p ON p.workspace_id = m.workspace_id AND p.id = m.profile_id
     JOIN identities i ON i.workspace_id = p.workspace_id AND i.profile_id = p.id AND i.type = 'user_id'
     WHERE s.workspace_id = $1 AND s.archived_at IS NULL AND s.kind = 'dynamic'
     ORDER BY s.name, p.last_seen_at DESC
     LIMIT 8`,
    [workspaceId],
  );
  return rows.map((r) => ({ ...r, name: r.name.trim() || r.userId }));
}
