// zod schemas as the document's JSON Schemas: inputs, recursion through components, nothing that throws.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { flagValueSchema } from "@/lib/experiments/schema";
import { ruleGroupSchema } from "@/lib/segments/schema";
import { toJsonSchemas, type SchemaDocs } from "./json-schema";

type Tree = { name: string; children: Tree[] };
const treeSchema: z.ZodType<Tree> = z.lazy(() => z.object({ name: z.string(), children: z.array(treeSchema) }));

describe("toJsonSchemas", () => {
  it("converts a recursive z.lazy tree without looping: a component that refers to itself", () => {
    const { roots, components } = toJsonSchemas({ body: z.object({ tree: treeSchema }) }, z.registry<SchemaDocs>());
    const tree = (roots.body!.properties as Record<string, { $ref: string }>).tree!;
    expect(tree.$ref).toMatch(/^#\/components\/schemas\/Recursive\d+$/);
    const name = tree.$ref.split("/").pop()!;
    expect(JSON.stringify(components[name])).toContain(`"$ref":"#/components/schemas/${name}"`);
  });

  it("names a registered schema as a component, referenced wherever it occurs, with its description", () => {
    const docs = z.registry<SchemaDocs>();
    docs.add(ruleGroupSchema, { id: "RuleGroup", description: "A rule tree" });
    const { roots, components } = toJsonSchemas(
      { a: z.object({ rule: ruleGroupSchema }), b: ruleGroupSchema.nullable() },
      docs,
    );
    expect(roots.a).toMatchObject({ properties: { rule: { $ref: "#/components/schemas/RuleGroup" } } });
    expect(roots.b).toEqual({ anyOf: [{ $ref: "#/components/schemas/RuleGroup" }, { type: "null" }] });
    expect(components.RuleGroup).toMatchObject({ description: "A rule tree", type: "object" });
    expect(JSON.stringify(components.RuleGroup)).toContain('"$ref":"#/components/schemas/RuleGroup"');
    expect(JSON.stringify({ roots, components })).not.toContain("$defs");
  });

  it("shows inputs: before transforms and defaults; refinements left out; types with no JSON form as {}", () => {
    const { roots } = toJsonSchemas(
      {
        body: z.object({
          count: z.string().transform(Number),
          limit: z.coerce.number().int().default(10),
          even: z.number().refine((n) => n % 2 === 0),
          when: z.date(),
          big: z.bigint().optional(),
        }),
      },
      z.registry<SchemaDocs>(),
    );
    expect(roots.body).toEqual({
      type: "object",
      properties: {
        count: { type: "string" },
        limit: { default: 10, type: "integer", minimum: expect.any(Number), maximum: expect.any(Number) },
        even: { type: "number" },
        when: {},
        big: {},
      },
      required: ["count", "even", "when"],
    });
  });

  it("names z.json() JsonValue, and keeps .describe() texts", () => {
    const { roots, components } = toJsonSchemas(
      { flag: z.object({ value: flagValueSchema, note: z.string().describe("A note") }) },
      z.registry<SchemaDocs>(),
    );
    expect(roots.flag).toMatchObject({
      properties: { value: { $ref: "#/components/schemas/JsonValue" }, note: { description: "A note" } },
    });
    expect(components.JsonValue).toMatchObject({ anyOf: expect.any(Array) });
  });
});
