import type { EventWindow } from "./schema";
import { DAY_MS } from "@/lib/time";
import { dayStart } from "./values";

/** A window as a half-open range of ms: `from < t ≤ to` for sliding windows, `from ≤ t < to` for dates. */
export type Bounds = { from: number | null; fromInclusive: boolean; to: number | null; toInclusive: boolean };

export function windowBounds(window: EventWindow, now: number): Bounds {
  switch (window.kind) {
    case "last_days":
      return { from: now - window.days * DAY_MS, fromInclusive: false, to: now, toInclusive: true };
    case "between":
      return { from: dayStart(window.from), fromInclusive: true, to: dayStart(window.to) + DAY_MS, toInclusive: false };
    case "ever":
      return { from: null, fromInclusive: true, to: null, toInclusive: true };
  }
}
