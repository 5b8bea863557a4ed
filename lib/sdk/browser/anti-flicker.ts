// Anti-flicker: the placements (never the whole page) stay hidden until the
// first decide has filled them, or a timeout passes, so a visitor does not see
// the default content swapped for theirs.

/** How long the placements stay hidden at most, unless init says otherwise. */
export const ANTI_FLICKER_MS = 800;

let hideStyle: HTMLStyleElement | null = null;
let hideTimer: ReturnType<typeof setTimeout> | undefined;

/** Hides only the placements (never the page) until unhide() or `ms` passes. */
export function hide(ms: number): void {
  hideStyle = document.createElement("style");
  hideStyle.setAttribute("data-personalize", "anti-flicker");
  hideStyle.textContent = "[data-placement]:not([data-decided=server]){visibility:hidden!important}";
  (document.head || document.documentElement).appendChild(hideStyle);
  hideTimer = setTimeout(unhide, ms);
}

export function unhide(): void {
  clearTimeout(hideTimer);
  if (hideStyle && hideStyle.parentNode) hideStyle.parentNode.removeChild(hideStyle);
  hideStyle = null;
}
