import type pg from "pg";
import { withStatementTimeout } from "@/lib/segments/db/with-statement-timeout";
import { analyticsTimeoutMs } from "./timeout";

/**
 * One dashboard statement, canceled by Postgres past analyticsTimeoutMs (it then rejects with
 * SegmentQueryTimeout, which the actions answer as a refusal).
 */
export function boundedQuery<R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
  return withStatementTimeout(analyticsTimeoutMs(), (client) => client.query<R>(text, values));
}
