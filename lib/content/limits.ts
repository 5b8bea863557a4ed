/**
 * DoS limits of every template (liquidjs `parseLimit`, `renderLimit`,
 * `memoryLimit`). A content block is a few kilobytes rendered in well under a
 * millisecond, so these are far above real use and far below what would stall
 * the decision server.
 */
export const TEMPLATE_LIMITS = {
  /** Characters of template source parsed at once. */
  sourceLength: 200_000,
  /**
   * Milliseconds one render may take (checked before each tag and output).
   * Not lower: a garbage-collection pause or a busy core must not empty a
   * legitimate render.
   */
  renderMs: 100,
  /**
   * Units of memory one render may allocate: characters of strings built by
   * filters and elements of arrays, including `(1..n)` ranges, which liquidjs
   * charges before building them, so `(1..100000000)` fails at once.
   */
  memory: 500_000,
} as const;
