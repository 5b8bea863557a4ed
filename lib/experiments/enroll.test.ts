import { describe, expect, it } from "vitest";
import { storedArm, unitOf, type StoredAssignment } from "./enroll";
import type { SnapshotExperiment } from "./snapshot";

const experiment = {
  id: "x",
  seedPhase: 2,
  arms: [{ id: "a" }, { id: "b" }, { id: "c" }],
} as unknown as SnapshotExperiment;
const stored = (unitId: string, variationId: string, assignedAt: number, phase = 2): StoredAssignment => ({
  experimentId: "x",
  unitId,
  variationId,
  phase,
  assignedAt,
});

describe("storedArm", () => {
  it("takes the unit's own assignment, else the earliest of the visitor's other ids, of the current seed only", () => {
    const all = [stored("phone", "c", 100), stored("laptop", "b", 300), stored("old-seed", "a", 1, 1)];
    expect(storedArm(experiment, all, "laptop")).toBe(1); // its own, though the phone's is earlier
    expect(storedArm(experiment, all, "tablet")).toBe(2); // new to the test: the profile's earliest
    expect(storedArm(experiment, [stored("old-seed", "a", 1, 1)], "old-seed")).toBeNull(); // re-randomized since
    expect(storedArm(experiment, [stored("u", "gone", 1)], "u")).toBeNull(); // a variation no longer there
  });
});

describe("unitOf", () => {
  it("is the anonymous id (else the user id), or for user-id experiments the user id (else the anonymous id)", () => {
    expect(unitOf("anonymous_id", { anonymousId: "a", userId: "u" })).toBe("a");
    expect(unitOf("anonymous_id", { userId: "u" })).toBe("u");
    expect(unitOf("user_id", { anonymousId: "a", userId: "u" })).toBe("u");
    expect(unitOf("user_id", { anonymousId: "a", userId: "" })).toBe("a");
    expect(unitOf("user_id", {})).toBeNull();
  });
});
