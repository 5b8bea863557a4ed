// Rendering decisions into the page: each [data-placement] element gets its
// placement's content, and a personalize:decision event says what it got.
import { warn } from "./log";
import type { Decision, Decisions } from "./types";

/** A placement element; a JSON decision is parsed onto it rather than shown. */
type PlacementElement = Element & { personalizeData?: unknown };

export function placementElements(): PlacementElement[] {
  return Array.prototype.slice.call(document.querySelectorAll("[data-placement]"));
}

function fill(element: PlacementElement, decision: Decision): void {
  const content = decision.content;
  if (decision.contentType === "html") element.innerHTML = content;
  else if (decision.contentType === "text") element.textContent = content;
  else if (decision.contentType === "json") element.personalizeData = JSON.parse(content);
  element.setAttribute("data-variant-id", decision.variantId);
  if (decision.experienceId) element.setAttribute("data-experience-id", decision.experienceId);
  else element.removeAttribute("data-experience-id");
}

function announce(target: EventTarget, placement: string, decision: Decision): void {
  // Bubbles, so one listener on document hears every placement.
  target.dispatchEvent(
    new window.CustomEvent("personalize:decision", { bubbles: true, detail: { placement, decision } }),
  );
}

/** Fills every element of each decided placement; a placement without one is announced on document. */
export function apply(decisions: Decisions): void {
  const elements = placementElements();
  Object.keys(decisions).forEach((placement) => {
    const decision = decisions[placement]!;
    // an element the server rendered decided keeps what it shows (and its one exposure)
    const targets = elements.filter(
      (el) => el.getAttribute("data-placement") === placement && el.getAttribute("data-decided") !== "server",
    );
    targets.forEach((el) => {
      try {
        fill(el, decision);
      } catch (e) {
        warn("could not fill " + placement + ": " + e);
      }
      announce(el, placement, decision);
    });
    if (!targets.length) announce(document, placement, decision);
  });
}
