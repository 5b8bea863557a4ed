/**
 * What the markup a marketer writes may not hold, whatever the data:
 * event-handler attributes (`<img src=x onerror="…">`), an iframe's
 * `srcdoc` (a page of its own, whose `&lt;script&gt;` is a script; also
 * when an output writes it, escaped as it is) and links that run
 * script (`javascript:`, `vbscript:`, and `data:` except an image in
 * `<img src>`), however the scheme is written (`jav&#x61;script:`,
 * ` javascript:`, `java&Tab;script:`). Content is put into storefront pages
 * with `innerHTML`, where a handler runs with the page's rights. Pure.
 *
 * Refused at save, with the position, rather than removed by a sanitizer
 * such as `sanitize-html`: the editor shows each error at its line and
 * column, so the marketer sees what is wrong and what is served is exactly
 * what was written and previewed (a sanitizer would drop an attribute
 * silently); a sanitizer reads HTML, not Liquid, so it could only clean each
 * rendered page, on the decision path for every visitor, where this check
 * runs once per save. What was saved before is served as it was: the run
 * time still replaces script links by `#` (`safe-urls.ts`), and the app's
 * own pages (the demo store among them) send a Content-Security-Policy that
 * runs no inline handler.
 */
import { isEventHandler, type AttributeSite, type MarkupScan } from "./markup-scan";
import type { MarkupError } from "./output-contexts";
import { isSafeUrl, URL_ATTRIBUTES, urlScheme } from "./safe-urls";

const SCRIPT_SCHEMES = new Set(["javascript", "vbscript"]);

/** What is wrong with the URL of a URL attribute, or null. Only the value's part before an output is known. */
function urlProblem(attribute: AttributeSite & { value: string }): string | null {
  const scheme = urlScheme(attribute.value);
  if (scheme && SCRIPT_SCHEMES.has(scheme))
    return `A ${scheme}: link in ${attribute.name}="…" would run as script: link to https://…, a path such as /sale, mailto: or tel:`;
  const image = attribute.tag === "img" && attribute.name === "src" && isSafeUrl(attribute.value);
  if (scheme === "data" && !image)
    return `A data: URL in ${attribute.name}="…" can hold a page or a script: only an image is allowed, as <img src="data:image/png;…">`;
  return null;
}

/** SVG elements that set another attribute (an <a>'s href, say) to their to, from or values. */
const ANIMATION_TAGS = new Set(["animate", "set", "animatemotion", "animatetransform"]);

/** Whether a browser reads this attribute as a URL: the usual ones, <object data>, and what an SVG animation sets. */
function isUrlAttribute(attribute: AttributeSite): boolean {
  if (URL_ATTRIBUTES.has(attribute.name)) return true;
  const tag = attribute.tag.toLowerCase();
  if (tag === "object" && attribute.name === "data") return true;
  return (
    ANIMATION_TAGS.has(tag) && (attribute.name === "to" || attribute.name === "from" || attribute.name === "values")
  );
}

/** Every event handler, srcdoc and script link of a scanned HTML template's own markup, in source order. */
export function staticMarkupErrors(scan: MarkupScan): MarkupError[] {
  const errors: MarkupError[] = [];
  for (const attribute of scan.attributes) {
    if (isEventHandler(attribute.name)) {
      errors.push({
        offset: attribute.offset,
        message: `The event handler ${attribute.name}="…" would run as script in the storefront page: content cannot carry script`,
      });
      continue;
    }
    if (attribute.name === "srcdoc") {
      // its value is a page of its own, entities decoded: escaping cannot keep script out of it
      errors.push({
        offset: attribute.offset,
        message: `An iframe's srcdoc="…" is a page of its own, where script runs: link to a page with src="https://…" instead`,
      });
      continue;
    }
    if (attribute.value === null || !isUrlAttribute(attribute)) continue;
    // an SVG animation's values is a ;-separated list, each of which may be set as a link
    const values = attribute.name === "values" ? attribute.value.split(";") : [attribute.value];
    const message = values.map((value) => urlProblem({ ...attribute, value })).find((m) => m !== null);
    if (message) errors.push({ offset: attribute.valueOffset, message });
  }
  return errors;
}
