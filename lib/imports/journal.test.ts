import { describe, expect, it } from "vitest";
import { restoreStated, undoRefusal } from "./journal";

const started = new Date("2026-12-01T10:00:00.000Z");
const before = {
  traits: { first_name: "Ada", tier: "silver" },
  traitTimestamps: { first_name: "2026-11-01T00:00:00.000Z", tier: "2026-11-01T00:00:00.000Z" },
  consent: { marketing: { granted: true, updatedAt: "2026-11-01T00:00:00.000Z" } },
};

describe("restoreStated", () => {
  it("takes back what the import wrote and keeps what was written after it", () => {
    const current = {
      // the import (at its start time) renamed her, added a trait and refused marketing; the store then set a tier
      traits: { first_name: "Augusta", tier: "gold", company: "Engines" },
      traitTimestamps: {
        first_name: "2026-12-01T10:00:00.000Z",
        tier: "2026-12-02T08:00:00.000Z",
        company: "2026-12-01T10:00:00.000Z",
      },
      consent: { marketing: { granted: false, updatedAt: "2026-12-01T10:00:00.000Z" } },
    };
    expect(restoreStated(current, before, started)).toEqual({
      traits: { first_name: "Ada", tier: "gold" },
      traitTimestamps: { first_name: "2026-11-01T00:00:00.000Z", tier: "2026-12-02T08:00:00.000Z" },
      consent: { marketing: { granted: true, updatedAt: "2026-11-01T00:00:00.000Z" } },
    });
  });

  it("changes nothing the import did not change", () => {
    expect(restoreStated(before, before, started)).toEqual(before);
  });
});

describe("undoRefusal", () => {
  const job = { status: "completed", createdAt: started, mergedProfiles: 0, undoneAt: null };
  it("allows a completed import within 30 days, and says why not otherwise", () => {
    expect(undoRefusal(job, new Date("2026-12-31T09:59:59Z"))).toBeNull();
    expect(undoRefusal(job, new Date("2026-12-31T10:00:01Z"))).toBe(
      "An import can be undone within 30 days; this one ran on 2026-12-01",
    );
    expect(undoRefusal({ ...job, status: "failed" }, started)).toBe("Only a completed import can be undone");
    expect(undoRefusal({ ...job, status: "undone" }, started)).toBe("This import was undone already");
    expect(undoRefusal({ ...job, undoneAt: started }, started)).toBe("This import is being undone");
    expect(undoRefusal({ ...job, mergedProfiles: 2 }, started)).toBe(
      "This import merged 2 profiles into others, and a merge cannot be undone",
    );
  });
});
