// Clicks on personalized content: a click inside a filled [data-placement] element is
// sent as a "Placement Clicked" event with what the element shows, for Content performance.
import { track } from "./events";

type Node = { parentNode: Node | null; getAttribute?: (name: string) => string | null };

/** The decided placement element a click landed in (the nearest one up from its target), if any. */
function placementOf(target: Node | null): Node | null {
  for (let node = target; node; node = node.parentNode)
    if (node.getAttribute && node.getAttribute("data-placement") && node.getAttribute("data-variant-id")) return node;
  return null;
}

/** A link's target as worth reporting: an http(s) address without its query or fragment (which may carry tokens or emails). */
function linkOf(href: string): string | null {
  try {
    const url = new URL(href, window.location.href);
    return url.protocol === "http:" || url.protocol === "https:" ? (url.origin + url.pathname).slice(0, 500) : null;
  } catch {
    return null;
  }
}

/**
 * Reports clicks on decided placements (capture phase, so a page that stops propagation is still heard):
 * `Placement Clicked` with `placement`, `variant_id`, `experience_id` (null for a default) and the link's `href`
 * (its address without query or fragment) when the click was on one. Clicks made by scripts are not reported.
 */
export function trackClicks(): void {
  document.addEventListener(
    "click",
    (event) => {
      if ((event as { isTrusted?: boolean }).isTrusted === false) return; // el.click() or dispatchEvent from a script
      const target = event.target as unknown as Node | null;
      const el = placementOf(target);
      if (!el) return;
      let href: string | null = null;
      for (let node = target; node && node !== el.parentNode; node = node.parentNode) {
        const tag = (node as unknown as { tagName?: string }).tagName;
        const h = node.getAttribute && tag && tag.toUpperCase() === "A" && node.getAttribute("href");
        if (h) {
          href = linkOf(h);
          break;
        }
      }
      track("Placement Clicked", {
        placement: el.getAttribute!("data-placement"),
        variant_id: el.getAttribute!("data-variant-id"),
        experience_id: el.getAttribute!("data-experience-id") || null,
        href,
      });
    },
    true,
  );
}
