import { describe, expect, it } from "vitest";
import { EXAMPLE_FUNNEL, formatDuration, readFunnelParam, withFunnel } from "./funnel-url";

describe("the funnel in the URL", () => {
  it("round-trips a funnel, keeping the range", () => {
    const funnel = { ...EXAMPLE_FUNNEL, windowDays: 3, split: "device" as const };
    const qs = withFunnel(new URLSearchParams("preset=7d"), funnel);
    const params = new URLSearchParams(qs);
    expect(params.get("preset")).toBe("7d");
    expect(readFunnelParam(params)).toEqual({ funnel, error: null });
  });

  it("falls back to the example and says why for a link it cannot use", () => {
    expect(readFunnelParam(new URLSearchParams("funnel=%7Bnope"))).toEqual({
      funnel: EXAMPLE_FUNNEL,
      error: "The funnel in this link is not readable",
    });
    const one = new URLSearchParams({ funnel: JSON.stringify({ steps: [{ eventName: "A" }] }) });
    expect(readFunnelParam(one).error).toBe(
      "The funnel in this link is not used: steps: A funnel has at least 2 steps",
    );
    expect(readFunnelParam(new URLSearchParams("")).funnel).toBe(EXAMPLE_FUNNEL);
  });

  it("says a duration in the unit that reads best", () => {
    expect([45, 660, 164_940, 3 * 86_400, null].map(formatDuration)).toEqual([
      "45 s",
      "11 min",
      "1.9 days",
      "3.0 days",
      "—",
    ]);
    expect(formatDuration(7200)).toBe("2.0 h");
  });
});
