import { describe, expect, it } from "vitest";
import { consentStates } from "./consent";

describe("consentStates", () => {
  it("reads consent per purpose, with unknown and malformed entries handled", () => {
    const states = consentStates({
      marketing: { granted: false, updatedAt: "2026-03-01T00:00:00Z" },
      analytics: { granted: "yes" },
      sms: { granted: true },
    });
    expect(states.map((s) => [s.purpose, s.status, s.since?.toISOString() ?? null])).toEqual([
      ["analytics", "not_set", null],
      ["personalization", "not_set", null],
      ["marketing", "denied", "2026-03-01T00:00:00.000Z"],
      ["sms", "granted", null],
    ]);
    expect(consentStates(null)).toHaveLength(3);
  });
});
