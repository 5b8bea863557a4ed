import { publish } from "@/lib/signals/bus";
import type { MessageIdentities } from "@/lib/identity/resolve";
import type { NormalizedEvent } from "../normalize";
import { storeEvents, type IngestResult, type IngestWorkspace } from "../db/ingest";

export type { IngestResult, IngestWorkspace };

/**
 * Stores a batch of normalized events (identity resolution, consent,
 * traits, events, rollups: see storeEvents), then signals `eventsStored`:
 * segments refresh the profiles' memberships off the request's path, and
 * decisions forget what they cached of the visitors (and `profilesMerged`
 * first, when resolution merged profiles). Every way in (the API,
 * the decision servers' buffer, CSV imports) stores events through here.
 */
export async function ingestEvents(
  workspace: IngestWorkspace,
  events: NormalizedEvent[],
  options: { consentSource?: string; reason?: MessageIdentities["reason"]; receivedAt?: Date } = {},
): Promise<IngestResult> {
  const result = await storeEvents(workspace, events, options);
  if (result.merges.length > 0) publish("profilesMerged", { workspaceId: workspace.id, merges: result.merges });
  publish("eventsStored", { workspaceId: workspace.id, profileIds: result.profiles, visitors: events });
  return result;
}
