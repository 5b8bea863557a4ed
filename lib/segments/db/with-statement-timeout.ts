import type pg from "pg";
import { inTransaction } from "@/lib/db/pg-pool";

/**
 * How long one statement that evaluates a rule may run before Postgres
 * cancels it. Previews run while a marketer edits (any viewer, again 300 ms
 * after each change), so they are held to what someone waits for; the rest
 * runs where nobody waits on each statement (recomputing members after a
 * save, on demand, on the schedule and as events arrive; each page of an
 * export) and may take longer, but not without end.
 */
export const INTERACTIVE_TIMEOUT_MS = 5_000;
export const BACKGROUND_TIMEOUT_MS = 60_000;

/** A statement about segments that Postgres canceled at its statement timeout. */
export class SegmentQueryTimeout extends Error {
  constructor(
    readonly timeoutMs: number,
    options?: ErrorOptions,
  ) {
    super(`A segment query ran longer than ${timeoutMs} ms and was canceled`, options);
    this.name = "SegmentQueryTimeout";
  }
}

type MaybeCanceled = { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };

/**
 * Postgres' query_canceled (57014: a statement timeout, or a cancel request,
 * which this code never sends), from pg or wrapped by Prisma's driver adapter.
 */
export function isStatementTimeout(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as MaybeCanceled;
  return e.code === "57014" || e.meta?.driverAdapterError?.cause?.originalCode === "57014";
}

/** The statement that bounds the rest of a transaction: `SET LOCAL statement_timeout`, parameterized. */
export const STATEMENT_TIMEOUT_SQL = "SELECT set_config('statement_timeout', $1, true)";

/** The parameter of STATEMENT_TIMEOUT_SQL; refuses 0 (which would mean no limit) and fractions. */
export function statementTimeoutParam(timeoutMs: number): string {
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) throw new Error(`Not a statement timeout: ${timeoutMs} ms`);
  return String(timeoutMs);
}

/**
 * Runs `work` in a transaction (retried as inTransaction retries) whose
 * every statement Postgres cancels after `timeoutMs`; the setting ends with
 * the transaction, so the pooled connection keeps its own. A canceled
 * statement rejects with SegmentQueryTimeout.
 */
export async function withStatementTimeout<T>(
  timeoutMs: number,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const param = statementTimeoutParam(timeoutMs);
  try {
    return await inTransaction(async (client) => {
      await client.query(STATEMENT_TIMEOUT_SQL, [param]);
      return work(client);
    });
  } catch (error) {
    if (isStatementTimeout(error)) throw new SegmentQueryTimeout(timeoutMs, { cause: error });
    throw error;
  }
}
