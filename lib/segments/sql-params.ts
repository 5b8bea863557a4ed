/** Collects the values of a parameterized query. `$1` is always the workspace id. */
export class SqlParams {
  readonly values: unknown[];
  private nowPlaceholder: string | null = null;

  constructor(
    workspaceId: string,
    /** ms since the epoch: windows and "days since" are measured from it. */
    readonly now: number,
  ) {
    this.values = [workspaceId];
  }

  /** Adds a value and returns its placeholder with a cast (`$7::text`). */
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }

  /** The placeholder of "now" (added on first use, so that a rule without time passes no unused parameter). */
  nowSql(): string {
    this.nowPlaceholder ??= this.add(new Date(this.now).toISOString(), "timestamptz");
    return this.nowPlaceholder;
  }
}

export const WORKSPACE = "$1::text";
