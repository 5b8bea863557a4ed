import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plainDecideBody } from "./plain-body";
import { decideBodySchema } from "./request";

const text = (around: number) =>
  fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(around - 1, around, around + 1).map((n) => "x".repeat(n)),
    fc.constantFrom("", " ", "  padded  ", "é€😀"),
  );
const notText = fc.constantFrom(null, 0, 1.5, true, [], {}, ["a"]);
const maybe = <T>(value: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown> = notText) =>
  fc.option(fc.oneof({ weight: 30, arbitrary: value }, { weight: 1, arbitrary: bad }), { nil: undefined, freq: 3 });
/** Now and then: fields the plain reading leaves to the schema. */
const rarely = <T>(value: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 12, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value });
const context = fc.record(
  {
    url: maybe(text(2_000)),
    path: maybe(text(2_000)),
    referrer: maybe(text(2_000)),
    userAgent: maybe(text(1_000)),
    locale: maybe(text(35)),
    country: maybe(fc.constantFrom("de", "DE", "us", "D", "DEU", "d1", "")),
    timezone: maybe(fc.constantFrom("Europe/Berlin", "UTC", "Asia/Kathmandu", "Mars/Base", "", "x".repeat(65))),
    utm: rarely(fc.record({ source: maybe(text(200)), campaign: maybe(text(200)) }, { requiredKeys: [] })),
    extra: rarely(fc.string({ maxLength: 4 })),
  },
  { requiredKeys: [] },
);
const placement = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("home-hero", "cart-upsell") },
  fc.constantFrom("home-hero", " pdp-banner ", "", "   ", "x".repeat(100), ` ${"y".repeat(100)} `, "z".repeat(101)),
  fc.string({ maxLength: 6 }),
  notText,
);
const body = fc.record(
  {
    anonymousId: maybe(text(200)),
    userId: maybe(text(200)),
    newVisitor: maybe(fc.boolean(), fc.constantFrom("true", 1, null)),
    context: maybe(context, fc.constantFrom(null, "ctx", [], 3)),
    placements: maybe(
      fc.oneof(
        fc.array(placement, { minLength: 0, maxLength: 4 }),
        fc.constantFrom(50, 51).map((n) => Array.from({ length: n }, (_, i) => `p${i}`)),
      ),
      fc.constantFrom("home-hero", null, {}),
    ),
    experiments: fc.oneof(
      { weight: 6, arbitrary: fc.constant(undefined) },
      { weight: 3, arbitrary: fc.array(fc.constantFrom("checkout", " new-nav "), { minLength: 1, maxLength: 3 }) },
      {
        weight: 1,
        arbitrary: fc.oneof(
          fc.array(placement, { minLength: 0, maxLength: 3 }),
          fc.constantFrom(50, 51).map((n) => Array.from({ length: n }, (_, i) => `x${i}`)),
          fc.constant(["k".repeat(64), ` ${"k".repeat(64)} `]),
          fc.constant(["k".repeat(65)]),
          fc.constantFrom("checkout", null, {}),
        ),
      },
    ),
    traits: rarely(fc.dictionary(fc.string({ maxLength: 3 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 })),
    writeKey: rarely(fc.string({ maxLength: 4 })),
  },
  { requiredKeys: [] },
);
/** As the body arrives: JSON, so absent fields are absent, not undefined. */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe("the plain reading of a decide body", () => {
  it("reads what the schema reads, exactly, or leaves the body to it (random bodies, valid and not)", () => {
    let plain = 0;
    let runs = 0;
    fc.assert(
      fc.property(body, (generated) => {
        const json = asJson(generated);
        const read = plainDecideBody(json);
        const parsed = decideBodySchema.safeParse(json);
        runs += 1;
        if (read === null) return;
        plain += 1;
        expect(parsed.success).toBe(true);
        expect(read).toStrictEqual(parsed.data);
      }),
      { numRuns: 4_000 },
    );
    expect(plain / runs).toBeGreaterThan(0.1); // the generator reaches the plain shape often
  });

  it("reads the body a storefront sends on every page", () => {
    const json = {
      anonymousId: "a-1",
      newVisitor: true,
      placements: ["home-hero", " pdp-banner"],
      context: { url: "https://shop.example/", userAgent: "Mozilla/5.0", timezone: "Europe/Berlin", country: "de" },
    };
    expect(plainDecideBody(json)).toStrictEqual(decideBodySchema.parse(json));
    expect(plainDecideBody({ userId: "u", placements: ["x"] })).toStrictEqual({
      userId: "u",
      placements: ["x"],
      context: {},
    });
  });

  it("leaves every other shape to the schema", () => {
    for (const json of [
      null,
      [],
      "x",
      { placements: [] },
      { placements: ["x"], traits: { plan: "pro" } },
      { placements: ["x"], context: { utm: { source: "n" } } },
      { placements: ["x"], other: 1 },
      { userId: 5, placements: ["x"] },
      JSON.parse('{"__proto__": {}, "placements": ["x"]}'),
    ]) {
      expect(plainDecideBody(json)).toBeNull();
    }
  });
});
