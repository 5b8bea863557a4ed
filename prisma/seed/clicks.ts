// The demo's clicks on decided placements: what the browser SDK reports as `Placement Clicked` (lib/sdk/browser/
// clicks.ts), so that Content performance shows clicks and click-through rates on first start. Drawn from a
// random stream of their own, after a profile's sessions and decisions, so that nothing else of the demo moves.
import type { Snapshot } from "@/lib/decide/types";
import { CLICK_EVENT } from "@/lib/analytics/content";
import type { SeedExposure } from "./decisions";
import { createRandom, hash32, uuidFrom } from "./random";
import type { SeedEvent } from "./sessions";

/** The chance that a decision is clicked: a targeted experience's content is clicked about twice as often as a default. */
export const CLICK_RATE = { targeted: 0.06, fallback: 0.03 };

type PlacementIndex = { keys: Map<string, string>; experiences: Map<string, string> };
const indexes = new WeakMap<Snapshot, PlacementIndex>();

function indexOf(snapshot: Snapshot): PlacementIndex {
  let index = indexes.get(snapshot);
  if (!index) {
    index = { keys: new Map(), experiences: new Map() };
    for (const placement of snapshot.placements.values()) {
      index.keys.set(placement.id, placement.key);
      for (const experience of placement.experiences)
        for (const variant of experience.variants) index.experiences.set(variant.id, experience.id);
    }
    indexes.set(snapshot, index);
  }
  return index;
}

/**
 * The clicks of the index-th profile on its decisions: each decision is clicked with CLICK_RATE's chance, 2 to
 * 60 seconds after it, on the page it was made on, up to `now`.
 */
export function clicksOf(
  seed: number,
  profileIndex: number,
  exposures: readonly SeedExposure[],
  snapshot: Snapshot,
  now: number,
): SeedEvent[] {
  const random = createRandom(hash32(seed, "clicks", profileIndex));
  const index = indexOf(snapshot);
  const clicks: SeedEvent[] = [];
  for (const exposure of exposures) {
    const experienceId = index.experiences.get(exposure.variantId) ?? null;
    const placement = index.keys.get(exposure.placementId);
    if (!placement) continue;
    if (!random.chance(experienceId ? CLICK_RATE.targeted : CLICK_RATE.fallback)) continue;
    const at = exposure.occurredAt.getTime() + Math.round(2_000 + random.next() * 58_000);
    if (at > now) continue;
    clicks.push({
      type: "track",
      name: CLICK_EVENT,
      properties: { placement, variant_id: exposure.variantId, experience_id: experienceId },
      context: exposure.pageContext,
      // the top of the profile's code range: its sessions count up from the bottom
      messageId: uuidFrom(random, profileIndex * 1_048_576 + 1_048_575 - clicks.length, seed),
      occurredAt: new Date(at),
    });
  }
  return clicks;
}
