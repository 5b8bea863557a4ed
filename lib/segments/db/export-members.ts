import { csvLine } from "@/lib/csv/cell";
import {
  BACKGROUND_TIMEOUT_MS,
  INTERACTIVE_TIMEOUT_MS,
  SegmentQueryTimeout,
  withStatementTimeout,
} from "./with-statement-timeout";

/** Only members who said yes to marketing are exported: an export is for contacting people. */
export const MARKETING_GRANTED_SQL = `(p.consent -> 'marketing' ->> 'granted') = 'true'`;
const PAGE = 5_000;

/**
 * How many current members the export leaves out for lack of marketing
 * consent, shown on the segment's page while it loads: null when counting
 * runs past `timeoutMs` (the page then says so without the number).
 */
export async function membersWithoutMarketingConsent(
  workspaceId: string,
  segmentId: string,
  timeoutMs = INTERACTIVE_TIMEOUT_MS,
): Promise<number | null> {
  try {
    const { rows } = await withStatementTimeout(timeoutMs, (client) =>
      client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM segment_memberships m JOIN profiles p ON p.workspace_id = m.workspace_id AND p.id = m.profile_id
         WHERE m.workspace_id = $1 AND m.segment_id = $2 AND m.exited_at IS NULL AND NOT coalesce(${MARKETING_GRANTED_SQL}, false)`,
        [workspaceId, segmentId],
      ),
    );
    return rows[0]!.n;
  } catch (error) {
    if (error instanceof SegmentQueryTimeout) return null;
    throw error;
  }
}

type MemberRow = {
  id: string;
  user_id: string | null;
  traits: Record<string, unknown>;
  entered_at: Date;
  orders: number;
  revenue: string;
};

const MEMBERS_PAGE_SQL = `SELECT p.id, (SELECT value FROM identities i WHERE i.workspace_id = $1 AND i.profile_id = p.id AND i.type = 'user_id' ORDER BY i.created_at LIMIT 1) AS user_id,
         p.traits, m.entered_at, p.orders, p.revenue
  FROM segment_memberships m JOIN profiles p ON p.workspace_id = m.workspace_id AND p.id = m.profile_id
  WHERE m.workspace_id = $1 AND m.segment_id = $2 AND m.exited_at IS NULL AND ${MARKETING_GRANTED_SQL} AND p.id > $3
  ORDER BY p.id LIMIT ${PAGE}`;

const text = (key: string, traits: Record<string, unknown>) =>
  typeof traits[key] === "string" ? (traits[key] as string) : "";

const csvRow = (r: MemberRow) =>
  csvLine([
    r.id,
    r.user_id,
    text("email", r.traits),
    text("first_name", r.traits),
    text("last_name", r.traits),
    r.entered_at.toISOString(),
    r.orders,
    r.revenue,
  ]);

/**
 * The segment's current members with marketing consent as CSV, streamed in
 * pages (keyset on profile id), so that a large segment is not held in memory.
 * Emails and names appear only where the workspace keeps plain values. Each
 * page's statement is canceled past `timeoutMs`; the first page is read
 * before the stream is returned, so that a timeout there rejects with
 * SegmentQueryTimeout while the caller can still answer with a status (a
 * later one cuts the download off, and is logged).
 */
export async function exportMembersCsv(
  workspaceId: string,
  segmentId: string,
  timeoutMs = BACKGROUND_TIMEOUT_MS,
): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const page = async (after: string) =>
    (
      await withStatementTimeout(timeoutMs, (client) =>
        client.query<MemberRow>(MEMBERS_PAGE_SQL, [workspaceId, segmentId, after]),
      )
    ).rows;
  let next: MemberRow[] | null = await page("");
  let after = "";
  return new ReadableStream({
    start(controller) {
      controller.enqueue(
        encoder.encode(
          csvLine(["profile_id", "user_id", "email", "first_name", "last_name", "entered_at", "orders", "revenue"]),
        ),
      );
    },
    async pull(controller) {
      let rows: MemberRow[];
      try {
        rows = next ?? (await page(after));
      } catch (error) {
        console.error(
          `[segments] export of segment ${segmentId} stopped:`,
          error instanceof Error ? error.message : error,
        );
        controller.error(error);
        return;
      }
      next = null;
      controller.enqueue(encoder.encode(rows.map(csvRow).join("")));
      if (rows.length < PAGE) controller.close();
      else after = rows.at(-1)!.id;
    },
  });
}
