/** Escapes LIKE's wildcards so the search term matches literally (backslash is Postgres' default escape). */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}
