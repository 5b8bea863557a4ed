import { noteIdentityCheck } from "@/lib/identity/runtime/identity-checks";
import { trustedUserId, type CallerTrust } from "@/lib/identity/signed-user-id";
import type { DecideBody } from "../request";
import { allowedTraits } from "../request-traits";
import { serveDecision } from "./serve-decision";

/**
 * A decision for a caller that is not the workspace's own server: a client
 * key (public, in the page) or a first-party page without a key (the demo
 * storefront). Its userId counts only as far as `trust` says (signed, or the
 * session's own user; else, when the workspace requires it, the visitor is
 * decided as anonymous); only the workspace's request traits take part in
 * targeting (the others are named as ignored); and the answer carries no
 * profileId, so it cannot be used to find a customer's profile.
 */
export async function browserDecision(
  workspace: { id: string; requestTraits: readonly string[] },
  trust: CallerTrust,
  body: DecideBody,
  options: {
    countryHeader?: string | null;
    now: number;
    preview?: { experimentId: string; variationId: string } | null;
  },
) {
  const { userId, check } = trustedUserId(trust, body, options.now);
  if (check) noteIdentityCheck(workspace.id, check, options.now);
  const { traits, ignored } = allowedTraits(body.traits, workspace.requestTraits);
  const served = await serveDecision(workspace.id, { ...body, userId, traits }, options);
  return {
    decisions: served.decisions,
    experiments: served.experiments,
    unknownPlacements: served.unknownPlacements,
    ...(check ? { identity: check } : {}),
    ...(ignored.length > 0 ? { ignoredTraits: ignored } : {}),
  };
}
