import { describe, expect, it } from "vitest";
import type { VisitorState } from "../types";
import { cachedVisitor, cacheVisitor, forgetVisitors } from "./visitor-cache";

const visitor = (profileId: string): VisitorState => ({
  profileId,
  profile: null,
  personalization: true,
  assignments: [],
});

describe("the visitor cache", () => {
  it("finds a visitor by exactly the ids it was read with, per workspace", () => {
    const readAt = Date.now();
    cacheVisitor("w1", { userId: "u1" }, visitor("by-user"), readAt);
    cacheVisitor("w1", { anonymousId: "a1" }, visitor("by-anonymous"), readAt);
    cacheVisitor("w1", { userId: "u1", anonymousId: "a1" }, visitor("by-both"), readAt);
    expect(cachedVisitor("w1", { userId: "u1" })?.visitor.profileId).toBe("by-user");
    expect(cachedVisitor("w1", { anonymousId: "a1" })?.visitor.profileId).toBe("by-anonymous");
    expect(cachedVisitor("w1", { userId: "u1", anonymousId: "a1" })).toMatchObject({
      visitor: { profileId: "by-both" },
      expired: false,
    });
    expect(cachedVisitor("w2", { userId: "u1" })).toBeNull();
    expect(cachedVisitor("w1", { userId: "a1" })).toBeNull();
    expect(cachedVisitor("w1", { userId: "u1", anonymousId: "a2" })).toBeNull();
  });

  it("forgets every entry an id is part of when that id takes an event", () => {
    const readAt = Date.now();
    cacheVisitor("w3", { userId: "u" }, visitor("x"), readAt);
    cacheVisitor("w3", { userId: "u", anonymousId: "a" }, visitor("y"), readAt);
    cacheVisitor("w3", { anonymousId: "b" }, visitor("z"), readAt);
    forgetVisitors("w3", [{ userId: "u" }]);
    expect(cachedVisitor("w3", { userId: "u" })).toBeNull();
    expect(cachedVisitor("w3", { userId: "u", anonymousId: "a" })).toBeNull();
    expect(cachedVisitor("w3", { anonymousId: "b" })?.visitor.profileId).toBe("z");
    cacheVisitor("w3", { userId: "u" }, visitor("stale"), readAt); // read before the event: not kept
    expect(cachedVisitor("w3", { userId: "u" })).toBeNull();
  });
});
