/** The 1-based line and column of a character offset in `source` (as liquidjs counts them). */
export function positionAt(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.max(0, Math.min(offset, source.length));
  for (let i = 0; i < end; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * `positionAt` for many offsets of one source: the line starts are found
 * once, then each offset is a binary search, so positioning every one of
 * thousands of errors stays linear in the source rather than quadratic.
 */
export function positionsIn(source: string): (offset: number) => { line: number; column: number } {
  const lineStarts = [0];
  for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  return (offset) => {
    const end = Math.max(0, Math.min(offset, source.length));
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= end) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: end - lineStarts[low]! + 1 };
  };
}
