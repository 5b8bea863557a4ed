// The reference: the same rows loaded with `COPY ... FROM STDIN` into a
// scratch table shaped like `events` (columns, defaults, primary key, the
// unique and secondary indexes, and the foreign keys), WAL-logged like it.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { copyField } from "@/lib/db/copy-rows";
import type { EventRow } from "./messages";

export const COPY_TABLE = "bench_copy";
const COLUMNS = [
  "workspace_id",
  "profile_id",
  "type",
  "name",
  "properties",
  "context",
  "message_id",
  "occurred_at",
  "received_at",
];
const CHUNK_BYTES = 1 << 20;

/**
 * Each row's COPY text after its first two columns (workspace and profile,
 * known only once the API has stored it): built while the messages are at
 * hand, so that the benchmark holds flat strings, not 200k object trees,
 * while it sends (a large live heap makes every major GC slow).
 */
export function copyRowTails(rows: EventRow[], receivedAt: string): string[] {
  return rows.map((row) =>
    [
      row.type,
      row.name,
      JSON.stringify(row.properties),
      JSON.stringify(row.context),
      row.messageId,
      row.occurredAt,
      receivedAt,
    ]
      .map(copyField)
      .join("\t"),
  );
}

/** Full COPY lines (workspace, profile, tail), in chunks of about 1 MB, built before the clock starts. */
export function copyChunks(workspaceId: string, rows: { profileId: string; tail: string }[]): Buffer[] {
  const chunks: Buffer[] = [];
  let lines: string[] = [];
  let size = 0;
  const head = `${copyField(workspaceId)}\t`;
  for (const { profileId, tail } of rows) {
    const line = `${head}${copyField(profileId)}\t${tail}\n`;
    lines.push(line);
    size += line.length;
    if (size >= CHUNK_BYTES) {
      chunks.push(Buffer.from(lines.join("")));
      lines = [];
      size = 0;
    }
  }
  if (lines.length > 0) chunks.push(Buffer.from(lines.join("")));
  return chunks;
}

/** (Re)creates the scratch table: `LIKE events INCLUDING ALL` plus events' foreign keys. */
export async function createCopyTable(db: pg.ClientBase): Promise<{ indexes: number; foreignKeys: number }> {
  await db.query(`DROP TABLE IF EXISTS ${COPY_TABLE}`);
  await db.query(`CREATE TABLE ${COPY_TABLE} (LIKE events INCLUDING ALL)`);
  const fks = await db.query<{ def: string }>(
    "SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'events'::regclass AND contype = 'f'",
  );
  for (const { def } of fks.rows) await db.query(`ALTER TABLE ${COPY_TABLE} ADD ${def}`);
  const indexes = await db.query(`SELECT 1 FROM pg_indexes WHERE tablename = '${COPY_TABLE}'`);
  return { indexes: indexes.rowCount ?? 0, foreignKeys: fks.rowCount ?? 0 };
}

/** Streams the chunks through one COPY (its own transaction); resolves with rows and seconds once committed. */
export async function copyLoad(db: pg.ClientBase, chunks: Buffer[]): Promise<{ rows: number; seconds: number }> {
  const started = performance.now();
  const stream = db.query(copyFrom(`COPY ${COPY_TABLE} (${COLUMNS.join(", ")}) FROM STDIN`));
  await pipeline(Readable.from(chunks), stream);
  await db.query("SELECT 1"); // answered only after the COPY's commit
  return { rows: stream.rowCount, seconds: (performance.now() - started) / 1000 };
}

/** How many scratch rows equal the API's stored row (profile, type, name, properties, context, time). */
export async function countSameRows(db: pg.ClientBase, workspaceId: string): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM ${COPY_TABLE} c JOIN events e ON e.workspace_id = c.workspace_id AND e.message_id = c.message_id
     WHERE e.workspace_id = $1 AND (e.profile_id, e.type, e.name, e.properties, e.context, e.occurred_at) = (c.profile_id, c.type, c.name, c.properties, c.context, c.occurred_at)`,
    [workspaceId],
  );
  return Number(rows[0]!.n);
}

export async function dropCopyTable(db: pg.ClientBase): Promise<void> {
  await db.query(`DROP TABLE IF EXISTS ${COPY_TABLE}`);
}
