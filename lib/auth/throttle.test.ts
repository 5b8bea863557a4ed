import { describe, expect, it } from "vitest";
import {
  ADDRESS_THROTTLE,
  afterFailure,
  justLocked,
  THROTTLE,
  throttleVerdict,
  waitText,
  type ThrottleState,
} from "./throttle";

const fail = (times: number, start = 0, step = 0) => {
  let state: ThrottleState | null = null;
  for (let i = 0; i < times; i++) state = afterFailure(state, start + i * step);
  return state!;
};

describe("sign-in throttle", () => {
  it("lets the first failures through at full speed", () => {
    expect(throttleVerdict(fail(THROTTLE.free), 0)).toEqual({ allowed: true });
  });

  it("then doubles the wait after each failure: 1, 2, 4, 8, 16 s", () => {
    const waits = [5, 6, 7, 8, 9].map((n) => {
      const verdict = throttleVerdict(fail(n), 0);
      return verdict.allowed ? 0 : verdict.waitMs;
    });
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it("locks for 15 minutes at the tenth failure, even for the right password, and unlocks by itself", () => {
    const locked = fail(THROTTLE.lockAt);
    expect(justLocked(locked)).toBe(true);
    expect(throttleVerdict(locked, 14 * 60_000)).toMatchObject({ allowed: false });
    expect(throttleVerdict(locked, 15 * 60_000)).toEqual({ allowed: true });
  });

  it("forgets failures after an hour without one", () => {
    const old = fail(8);
    expect(afterFailure(old, THROTTLE.windowMs + 1).failures).toBe(1);
    expect(afterFailure(old, THROTTLE.windowMs - 1).failures).toBe(9);
  });

  it("is looser per address, which many people may share", () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 20; i++) state = afterFailure(state, 0, ADDRESS_THROTTLE);
    expect(throttleVerdict(state, 0)).toEqual({ allowed: true });
    for (let i = 0; i < 30; i++) state = afterFailure(state, 0, ADDRESS_THROTTLE);
    expect(justLocked(state!, ADDRESS_THROTTLE)).toBe(true);
  });

  it("says when to come back", () => {
    expect(waitText(1_000)).toBe("in 1 second");
    expect(waitText(16_000)).toBe("in 16 seconds");
    expect(waitText(15 * 60_000)).toBe("in 15 minutes");
  });
});
