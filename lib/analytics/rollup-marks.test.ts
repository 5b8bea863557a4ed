import { describe, expect, it } from "vitest";
import { nextMarks, readFloor, type RollupMarks } from "./rollup-marks";

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 4, 12, minutes));
const mark = (minutes: number, maxId: number) => ({ at: at(minutes).toISOString(), maxId: String(maxId) });

describe("readFloor", () => {
  it("reads everything when no pass has run", () => {
    expect(readFloor([], at(0))).toBe("0");
  });

  it("reads again from the newest pass at least the lookback old", () => {
    const marks: RollupMarks = [mark(0, 100), mark(5, 150), mark(9, 180), mark(12, 200)];
    expect(readFloor(marks, at(15), 10 * 60_000)).toBe("150");
    expect(readFloor(marks, at(19), 10 * 60_000)).toBe("180");
    expect(readFloor(marks, at(30), 10 * 60_000)).toBe("200");
  });

  it("reads from the oldest pass while none is that old", () => {
    expect(readFloor([mark(10, 50), mark(11, 60)], at(12), 10 * 60_000)).toBe("50");
  });
});

describe("nextMarks", () => {
  it("keeps the passes within the lookback and the newest older one", () => {
    const marks = nextMarks([mark(0, 100), mark(5, 150), mark(9, 180)], at(16), "210", 10 * 60_000);
    expect(marks).toEqual([mark(5, 150), mark(9, 180), mark(16, 210)]);
    expect(readFloor(marks, at(17), 10 * 60_000)).toBe("150");
  });

  it("never moves the largest id seen back (a pass that saw no new event)", () => {
    expect(nextMarks([mark(0, 100)], at(1), "0").at(-1)).toEqual(mark(1, 100));
  });

  it("compares ids as integers, not text", () => {
    expect(nextMarks([mark(0, 999)], at(1), "1000").at(-1)?.maxId).toBe("1000");
  });

  it("stays small however many passes run", () => {
    let marks: RollupMarks = [];
    for (let minute = 0; minute < 600; minute++) marks = nextMarks(marks, at(minute), String(minute), 10 * 60_000);
    expect(marks.length).toBeLessThanOrEqual(12);
    expect(readFloor(marks, at(600), 10 * 60_000)).toBe("590");
  });
});
