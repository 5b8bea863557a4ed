import { describe, expect, it } from "vitest";
import { identityKey, planResolution, type MessageIdentities } from "./resolve";

const ids = () => {
  let n = 0;
  return () => `new${++n}`;
};
const plan = (messages: MessageIdentities[], known: [string, string][] = [], userIds: [string, string[]][] = []) =>
  planResolution(messages, new Map(known), new Map(userIds.map(([p, u]) => [p, new Set(u)])), ids());

describe("planResolution", () => {
  it("creates one profile for an unknown visitor and reuses it", () => {
    const result = plan([
      { anonymousId: "a1", reason: "identify" },
      { anonymousId: "a1", reason: "identify" },
    ]);
    expect(result.profileOf).toEqual(["new1", "new1"]);
    expect(result.newProfiles).toEqual(["new1"]);
    expect(result.newIdentities).toEqual([{ type: "anonymous_id", value: "a1", profileId: "new1" }]);
    expect(result.merges).toEqual([]);
  });

  it("links an anonymous visitor to the userId they identify with, without a merge", () => {
    const result = plan(
      [{ anonymousId: "a1", userId: "u1", reason: "identify" }],
      [[identityKey("anonymous_id", "a1"), "p1"]],
    );
    expect(result.profileOf).toEqual(["p1"]);
    expect(result.newProfiles).toEqual([]);
    expect(result.newIdentities).toEqual([{ type: "user_id", value: "u1", profileId: "p1" }]);
  });

  it("merges an anonymous profile into the known customer's", () => {
    const result = plan(
      [{ anonymousId: "a1", userId: "u1", reason: "identify" }],
      [
        [identityKey("anonymous_id", "a1"), "anon"],
        [identityKey("user_id", "u1"), "known"],
      ],
      [["known", ["u1"]]],
    );
    expect(result.profileOf).toEqual(["known"]);
    expect(result.merges).toEqual([
      { survivorId: "known", mergedId: "anon", reason: "identify", linkedBy: "anonymous_id" },
    ]);
  });

  it("never merges two profiles that carry different userIds", () => {
    const known: [string, string][] = [
      [identityKey("anonymous_id", "shared-device"), "alice"],
      [identityKey("user_id", "alice"), "alice"],
    ];
    const result = plan([{ anonymousId: "shared-device", userId: "bob", reason: "identify" }], known, [
      ["alice", ["alice"]],
    ]);
    expect(result.profileOf).toEqual(["new1"]);
    expect(result.merges).toEqual([]);
    expect(result.newIdentities).toEqual([{ type: "user_id", value: "bob", profileId: "new1" }]);

    const both = plan(
      [{ anonymousId: "x", userId: "bob", reason: "identify" }],
      [
        [identityKey("anonymous_id", "x"), "alice"],
        [identityKey("user_id", "bob"), "bob"],
      ],
      [
        ["alice", ["alice"]],
        ["bob", ["bob"]],
      ],
    );
    expect(both.profileOf).toEqual(["bob"]);
    expect(both.merges).toEqual([]);
    expect(both.newIdentities).toEqual([]);
  });

  it("merges by email (hashed) when the profiles do not conflict", () => {
    const result = plan(
      [{ userId: "u1", email: "h(ada)", reason: "identify" }],
      [
        [identityKey("email", "h(ada)"), "crm"],
        [identityKey("user_id", "u1"), "web"],
      ],
      [["web", ["u1"]]],
    );
    expect(result.merges).toEqual([{ survivorId: "web", mergedId: "crm", reason: "identify", linkedBy: "email" }]);
  });

  it("resolves alias from an earlier anonymous id or userId", () => {
    const fromAnon = plan(
      [{ userId: "u1", previousId: "a1", reason: "alias" }],
      [[identityKey("anonymous_id", "a1"), "p1"]],
    );
    expect(fromAnon.profileOf).toEqual(["p1"]);
    expect(fromAnon.newIdentities).toEqual([{ type: "user_id", value: "u1", profileId: "p1" }]);

    const fromUser = plan(
      [{ userId: "new-id", previousId: "old-id", reason: "alias" }],
      [
        [identityKey("user_id", "old-id"), "p1"],
        [identityKey("user_id", "new-id"), "p2"],
      ],
      [
        ["p1", ["old-id"]],
        ["p2", ["new-id"]],
      ],
    );
    expect(fromUser.merges).toEqual([]);
  });

  it("does not record merges of profiles created within the same batch", () => {
    const result = plan([
      { anonymousId: "a1", reason: "identify" },
      { userId: "u1", reason: "identify" },
      { anonymousId: "a1", userId: "u1", reason: "identify" },
    ]);
    expect(result.profileOf).toEqual(["new2", "new2", "new2"]);
    expect(result.newProfiles).toEqual(["new2"]);
    expect(result.merges).toEqual([]);
    expect(result.newIdentities.map((i) => i.profileId)).toEqual(["new2", "new2"]);
  });

  it("follows chains of merges to the final survivor", () => {
    const known: [string, string][] = [
      [identityKey("anonymous_id", "a"), "pa"],
      [identityKey("anonymous_id", "b"), "pb"],
      [identityKey("user_id", "u"), "pu"],
    ];
    const result = plan(
      [
        { anonymousId: "a", email: "e", reason: "identify" },
        { anonymousId: "b", email: "e", reason: "identify" },
        { anonymousId: "a", userId: "u", reason: "identify" },
      ],
      known,
      [["pu", ["u"]]],
    );
    expect(new Set(result.profileOf)).toEqual(new Set(["pu"]));
    expect(result.merges.map((m) => m.survivorId)).toEqual(["pu", "pu"]);
  });
});
