import { describe, expect, it } from "vitest";
import { durationEstimate } from "./estimate";

const traffic = { days: 14, visitorsPerDay: 1_000, impressionsPerDay: { hero: 400, banner: 5_000 }, goalRates: {} };
const base = {
  traffic,
  placementIds: [],
  holdoutShare: 0,
  coverage: 1,
  layerShare: 1,
  arms: 2,
  baseline: 0.05,
  mde: 0.1,
};

describe("durationEstimate", () => {
  it("needs Evan Miller's 31,234 units per arm at 5 % and a 10 % lift, over the visitors a day", () => {
    const e = durationEstimate(base);
    expect(e.unitsPerArm).toBe(31_234);
    expect(e.dailyVisitors).toBe(1_000);
    expect(e.days).toBe(Math.ceil((31_234 * 2) / 1_000));
  });

  it("caps the visitors by the tested placement's impressions, and not by a placement seen more than visitors", () => {
    expect(durationEstimate({ ...base, placementIds: ["hero"] })).toMatchObject({
      dailyVisitors: 400,
      cappedByPlacement: true,
    });
    expect(durationEstimate({ ...base, placementIds: ["banner"] })).toMatchObject({
      dailyVisitors: 1_000,
      cappedByPlacement: false,
    });
    expect(durationEstimate({ ...base, placementIds: ["unseen"] }).dailyVisitors).toBe(1_000);
  });

  it("enrolls only coverage × layer share × what the holdout leaves", () => {
    const e = durationEstimate({ ...base, coverage: 0.5, layerShare: 0.5, holdoutShare: 0.2 });
    expect(e.entering).toBeCloseTo(0.2);
    expect(e.days).toBe(Math.ceil((31_234 * 2) / (1_000 * 0.2)));
  });

  it("gives no days without a baseline, traffic or anyone entering", () => {
    expect(durationEstimate({ ...base, baseline: null }).days).toBeNull();
    expect(durationEstimate({ ...base, traffic: null }).days).toBeNull();
    expect(durationEstimate({ ...base, coverage: 0 }).days).toBeNull();
  });
});
