import type { IdentityType } from "./normalize";

/** `type:value` with the stored (normalized, hashed when personal) value. */
export type IdentityKey = string;
export const identityKey = (type: IdentityType, value: string): IdentityKey => `${type}:${value}`;
export function splitIdentityKey(key: IdentityKey): { type: IdentityType; value: string } {
  const at = key.indexOf(":");
  return { type: key.slice(0, at) as IdentityType, value: key.slice(at + 1) };
}

/** The identities one message carries, already in stored form. */
export type MessageIdentities = {
  userId?: string;
  anonymousId?: string;
  email?: string;
  phone?: string;
  /** alias: the earlier id, which may be a userId or an anonymousId. */
  previousId?: string;
  reason: "identify" | "alias" | "import";
};

export type PlannedMerge = { survivorId: string; mergedId: string; reason: string; linkedBy: IdentityType };

export type ResolutionPlan = {
  /** The profile each message belongs to, by position. */
  profileOf: string[];
  /** Profiles to create (none of them merged away within the batch). */
  newProfiles: string[];
  newIdentities: { type: IdentityType; value: string; profileId: string }[];
  /** Merges of profiles that existed before the batch, in order. */
  merges: PlannedMerge[];
};

/**
 * Deterministic identity resolution of a batch. `known` maps identities
 * already stored to their profile, `userIdsOf` gives those profiles' userIds.
 * A message's userId decides its profile; its other identities join that
 * profile, merging the profiles they led to — except that two profiles that
 * each carry a different userId are never merged (the identity then stays
 * where it was). Pure: plain data in, a plan out.
 */
export function planResolution(
  messages: MessageIdentities[],
  known: ReadonlyMap<IdentityKey, string>,
  userIdsOf: ReadonlyMap<string, ReadonlySet<string>>,
  newProfileId: () => string,
): ResolutionPlan {
  const owner = new Map(known);
  const userIds = new Map<string, Set<string>>([...userIdsOf].map(([p, ids]) => [p, new Set(ids)]));
  const mergedInto = new Map<string, string>();
  const created = new Set<string>();
  const identities = new Map<IdentityKey, string>();
  const merges: PlannedMerge[] = [];

  const find = (profile: string): string => {
    let p = profile;
    while (mergedInto.has(p)) p = mergedInto.get(p)!;
    return p;
  };
  const lookup = (key: IdentityKey) => {
    const p = owner.get(key);
    return p === undefined ? undefined : find(p);
  };
  const idsOf = (p: string) => userIds.get(p) ?? new Set<string>();
  const conflicting = (a: string, b: string) => {
    const [x, y] = [idsOf(a), idsOf(b)];
    return x.size > 0 && y.size > 0 && [...x].some((id) => !y.has(id));
  };
  const attach = (key: IdentityKey, profile: string) => {
    owner.set(key, profile);
    identities.set(key, profile);
    const { type, value } = splitIdentityKey(key);
    if (type === "user_id") userIds.set(profile, new Set([...idsOf(profile), value]));
  };
  const fresh = () => {
    const p = newProfileId();
    created.add(p);
    return p;
  };

  const profileOf = messages.map((m) => {
    const userKey = m.userId ? identityKey("user_id", m.userId) : undefined;
    const others: IdentityKey[] = [];
    if (m.anonymousId) others.push(identityKey("anonymous_id", m.anonymousId));
    if (m.previousId)
      others.push(
        lookup(identityKey("user_id", m.previousId))
          ? identityKey("user_id", m.previousId)
          : identityKey("anonymous_id", m.previousId),
      );
    if (m.email) others.push(identityKey("email", m.email));
    if (m.phone) others.push(identityKey("phone", m.phone));

    let primary = userKey ? lookup(userKey) : undefined;
    if (!primary && userKey) {
      // an unknown userId joins the profile its other identities lead to, unless that one is someone else's
      const candidate = others.map(lookup).find((p) => p !== undefined);
      primary = candidate && idsOf(candidate).size === 0 ? candidate : fresh();
      attach(userKey, primary);
    }
    primary ??= others.map(lookup).find((p) => p !== undefined) ?? fresh();

    for (const key of others) {
      const current = lookup(key);
      if (current === undefined) attach(key, primary);
      else if (current !== primary && !conflicting(primary, current)) {
        mergedInto.set(current, primary);
        userIds.set(primary, new Set([...idsOf(primary), ...idsOf(current)]));
        if (!created.has(current))
          merges.push({
            survivorId: primary,
            mergedId: current,
            reason: m.reason,
            linkedBy: splitIdentityKey(key).type,
          });
      }
    }
    return primary;
  });

  return {
    profileOf: profileOf.map(find),
    newProfiles: [...created].filter((p) => !mergedInto.has(p)),
    newIdentities: [...identities].map(([key, p]) => ({ ...splitIdentityKey(key), profileId: find(p) })),
    merges: merges.map((m) => ({ ...m, survivorId: find(m.survivorId) })),
  };
}
