/** An origin as browsers send it: scheme, host and port, nothing else (`*` allows any). */
export function parseOrigins(text: string): { origins: string[]; invalid: string[] } {
  const entries = [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((e) => e.trim())
        .filter(Boolean),
    ),
  ];
  const origins: string[] = [];
  const invalid: string[] = [];
  for (const entry of entries) {
    if (entry === "*") {
      origins.push(entry);
      continue;
    }
    try {
      const url = new URL(entry);
      if (!["http:", "https:"].includes(url.protocol) || url.origin !== entry.replace(/\/$/, ""))
        throw new Error("not an origin");
      origins.push(url.origin);
    } catch {
      invalid.push(entry);
    }
  }
  return { origins, invalid };
}
