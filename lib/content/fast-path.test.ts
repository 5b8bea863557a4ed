import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileFastPath } from "./fast-path";
import { parseTemplate } from "./parse";
import { renderParsed } from "./render";
import type { ContentType, TemplateData } from "./types";

/** What the engine renders: the meaning the fast path must keep. */
function byEngine(source: string, contentType: ContentType, data: TemplateData): string {
  const parsed = parseTemplate(source, contentType);
  if (!parsed.ok) throw new Error(`did not parse: ${source}`);
  return renderParsed(parsed.parsed, data);
}

const NAMES = [
  "first_name",
  "city",
  "n",
  "b",
  "z",
  "list",
  "obj",
  "missing",
  "traits",
  "computed",
  "context",
  "orders",
  "country",
];
const path = fc.oneof(
  fc.constantFrom(...NAMES),
  fc
    .tuple(
      fc.constantFrom("traits", "computed", "context", "obj", "first_name", "missing", "list"),
      fc.constantFrom(...NAMES, "x", "deep"),
    )
    .map(([a, b]) => `${a}.${b}`),
  fc
    .tuple(fc.constantFrom("traits", "obj"), fc.constantFrom("obj", "deep"), fc.constantFrom("x", "y", "first_name"))
    .map((p) => p.join(".")),
);
const tricky = fc
  .stringMatching(/^[a-zA-Z0-9 <>&'"{}%:|.,!é€\n-]{0,12}$/)
  .filter((t) => !t.includes("{{") && !t.includes("{%") && !t.includes("}}") && !t.endsWith("{") && !t.startsWith("}"));
const literal = fc.stringMatching(/^[a-zA-Z0-9 <>&',!é-]{0,8}$/);
const output = fc
  .tuple(path, fc.option(literal), fc.constantFrom(" ", "", "  "))
  .map(([p, fallback, pad]) => `{{${pad}${p}${fallback === null ? "" : ` | default: "${fallback}"`}${pad}}}`);
const template = fc.array(fc.oneof(tricky, output), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(""));

const scalar = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom("", "<b>", `"q'`, "a&b", "0", "false"),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom("x", "y", "deep", "first_name"), scalar, { maxKeys: 3 }),
);
const record = fc.dictionary(fc.constantFrom(...NAMES, "x", "deep"), value, { maxKeys: 6 });
const data = fc.record({ traits: record, computed: record, context: record });

describe("the fast path of simple templates", () => {
  it("renders exactly what the engine renders, for every content type (random templates and data)", () => {
    fc.assert(
      fc.property(
        template,
        data,
        fc.constantFrom<ContentType>("html", "text", "json"),
        (source, input, contentType) => {
          const fast = compileFastPath(source, contentType);
          expect(fast).not.toBeNull(); // the generator stays inside the subset
          const out = fast!(input);
          if (out !== null) expect(out).toBe(byEngine(source, contentType, input));
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it("leaves tags, filters other than default, trimming and liquid's own names to the engine", () => {
    for (const source of [
      "{% if a %}x{% endif %}",
      "{{ a | upcase }}",
      "{{- a }}",
      "{{ a -}}",
      "{{ list.size }}",
      "{{ list.first }}",
      "{{ true }}",
      '{{ a | default: "x\\"y" }}',
      "{{ a[0] }}",
      "{{ 'x' }}",
    ]) {
      expect(compileFastPath(source, "html"), source).toBeNull();
    }
  });

  it("hands lists and objects to the engine", () => {
    const fast = compileFastPath("{{ tags }}", "html")!;
    expect(fast({ traits: { tags: ["a", "b"] }, computed: {}, context: {} })).toBeNull();
    expect(fast({ traits: { tags: "a" }, computed: {}, context: {} })).toBe("a");
  });
});
