import { subscribe } from "@/lib/signals/bus";
import { queueMembershipRefresh } from "./refresh-queue";

/** Profiles that got events have their memberships of dynamic segments refreshed shortly after. */
export function subscribeSegments(): void {
  subscribe("eventsStored", "segments.refresh-queue", ({ workspaceId, profileIds }) =>
    queueMembershipRefresh(workspaceId, profileIds),
  );
}
