/**
 * The traits of a decide request that may take part in targeting: a client
 * key is public, so anyone could send `{ "plan": "vip" }` to match a
 * trait-targeted experience; only the keys the workspace declares (its
 * request traits, e.g. `locale`) are laid over the stored ones, and the rest
 * are ignored and named in the answer. Pure.
 */
export function allowedTraits(
  traits: Record<string, unknown> | undefined,
  allowed: readonly string[],
): { traits: Record<string, unknown> | undefined; ignored: string[] } {
  if (!traits) return { traits, ignored: [] };
  const kept: Record<string, unknown> = {};
  const ignored: string[] = [];
  let any = false;
  for (const key of Object.keys(traits)) {
    if (allowed.includes(key)) {
      kept[key] = traits[key];
      any = true;
    } else ignored.push(key);
  }
  return { traits: any ? kept : undefined, ignored };
}
