import { describe, expect, it } from "vitest";
import { csvFileName, dimensionCsv, factorialCsv, metricCsv, toCsv } from "./csv-rows";
import { arm, effect, metric, SETTINGS } from "./fixtures";

describe("metricCsv", () => {
  it("has a row per variation with plain numbers and the frequentist p-values", () => {
    const rows = metricCsv(metric(), SETTINGS);
    expect(rows[0]).toEqual([
      "Metric",
      "Role",
      "Variation",
      "Key",
      "Units",
      "Numerator",
      "Denominator",
      "Value",
      "Lift",
      "Low (95 % CI)",
      "High (95 % CI)",
      "p-value",
      "Adjusted p-value",
      "Significant",
    ]);
    expect(rows[1]).toEqual([
      "Purchase",
      "primary",
      "Control",
      "control",
      1000,
      80,
      1000,
      0.08,
      "",
      "",
      "",
      "",
      "",
      "Control",
    ]);
    expect(rows[2]).toEqual([
      "Purchase",
      "primary",
      "Free shipping",
      "free-shipping",
      1000,
      87,
      1000,
      0.087,
      0.081,
      0.023,
      0.139,
      0.006,
      0.012,
      "Better",
    ]);
  });

  it("has the chance to win and the risks for the Bayesian engine", () => {
    const m = metric();
    m.arms[1]!.effect = effect({
      pValue: null,
      adjustedPValue: null,
      chanceToWin: 0.97,
      risk: { control: 0.05, treatment: 0.001 },
    });
    const rows = metricCsv(m, { ...SETTINGS, engine: "bayesian" });
    expect(rows[0]!.slice(9)).toEqual([
      "Low (95 % credible interval)",
      "High (95 % credible interval)",
      "Chance to beat control",
      "Risk of choosing it",
      "Risk of keeping control",
      "Significant",
    ]);
    expect(rows[2]!.slice(11)).toEqual([0.97, 0.001, 0.05, "Better"]);
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
  });

  it("quotes fields and defuses names a spreadsheet would run as a formula, keeping negative numbers", () => {
    const m = metric({ name: "Revenue, net" });
    m.arms[1] = arm({
      variationId: "v1",
      key: "evil",
      name: '=HYPERLINK("http://x")',
      effect: effect({ lift: -0.05, interval: [-0.1, 0], direction: "worse" }),
    });
    const text = toCsv(metricCsv(m, SETTINGS));
    const line = text.split("\r\n")[2]!;
    expect(line.startsWith(`"Revenue, net",primary,"'=HYPERLINK(""http://x"")",evil,`)).toBe(true);
    expect(line).toContain(",-0.05,-0.1,0,");
    expect(text.endsWith("\r\n")).toBe(true);
  });
});

describe("other tables", () => {
  it("has a row per dimension value and variation", () => {
    const rows = dimensionCsv(
      {
        key: "device",
        label: "Device",
        rows: [
          { value: "mobile", metric: metric() },
          { value: "", metric: metric() },
        ],
      },
      SETTINGS,
    );
    expect(rows.length).toBe(5);
    expect(rows[0]![0]).toBe("Device");
    expect(rows.slice(1).map((r) => `${r[0]} ${r[1]}`)).toEqual([
      "Mobile Control",
      "Mobile Free shipping",
      "Unknown Control",
      "Unknown Free shipping",
    ]);
  });

  it("lists factorial effects", () => {
    const rows = factorialCsv(
      {
        metric: "Purchase",
        lowerIsBetter: false,
        factors: [],
        effects: [
          {
            kind: "main",
            label: "Bar: returns vs sale",
            effect: 0.006,
            interval: [0.001, 0.011],
            pValue: 0.02,
            significant: true,
          },
        ],
      },
      0.05,
    );
    expect(rows[1]).toEqual(["Purchase", "main", "Bar: returns vs sale", 0.006, 0.001, 0.011, 0.02, "yes"]);
  });

  it("names files after the experiment and the table", () => {
    expect(csvFileName("home-hero-headline", "Revenue per order")).toBe("home-hero-headline-revenue-per-order.csv");
    expect(csvFileName("", "")).toBe("results.csv");
  });
});
