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

/**
 * Reports clicks on decided placements (capture phase, so a page that stops propagation is still heard):
 * `Placement Clicked` with `placement`, `variant_id`, `experience_id` (null for a default) and the link's `href`
 * when the click was on one.
 */
export function trackClicks(): void {
  document.addEventListener(
    "click",
    (event) => {
      const target = event.target as unknown as Node | null;
      const el = placementOf(target);
      if (!el) return;
      let href: string | null = null;
      for (let node = target; node && node !== el.parentNode; node = node.parentNode) {
        const h =
          node.getAttribute && (node as unknown as { tagName?: string }).tagName === "A" && node.getAttribute("href");
        if (h) {
          href = h;
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
