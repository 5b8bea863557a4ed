import type { Liquid } from "liquidjs";

/**
 * Tags that read other templates from a file system (or an in-memory one):
 * a content block is self-contained, so they are refused when it is parsed.
 */
export const DISALLOWED_TAGS = ["include", "render", "layout", "block"] as const;

/** Replaces each disallowed tag with one whose parse fails with "Tag 'include' is not allowed". */
export function disallowTags(liquid: Liquid): void {
  for (const name of DISALLOWED_TAGS) {
    liquid.registerTag(name, {
      parse() {
        throw new Error(`Tag '${name}' is not allowed`);
      },
      render() {
        return "";
      },
    });
  }
}
