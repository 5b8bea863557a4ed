import { z } from "zod";

export type JsonSchema = { [key: string]: unknown };

/** What the document shows of a schema beside its structure (zod's registry metadata). */
export type SchemaDocs = { id?: string; description?: string };

const COPIED_META = ["title", "description", "examples", "deprecated"] as const;
const ANONYMOUS_DEF = /^__schema(\d+)$/;

/** Whether a definition is zod's `z.json()`: any JSON value (its arrays and objects hold the same). */
function isJsonValue(def: JsonSchema, key: string): boolean {
  const self = { $ref: `#/$defs/${key}` };
  const json = [
    { type: "string" },
    { type: "number" },
    { type: "boolean" },
    { type: "null" },
    { type: "array", items: self },
    { type: "object", propertyNames: { type: "string" }, additionalProperties: self },
  ];
  return JSON.stringify(def) === JSON.stringify({ anyOf: json });
}

/**
 * JSON Schemas (draft 2020-12, the dialect of OpenAPI 3.1) of zod schemas,
 * converted together by zod's own `z.toJSONSchema`:
 *
 * - as their **input** (`io: "input"`): what a client sends, before defaults
 *   and transforms (a field with a default is not required); refinements
 *   (`refine`, `superRefine`) have no JSON Schema form and are left out, so
 *   the document is a little more lenient than the endpoint;
 * - types with no JSON form (a date, a bigint, a custom check) become `{}`
 *   (`unrepresentable: "any"`) rather than throwing;
 * - the schemas that `docs` names with an `id` are referenced wherever they
 *   occur and returned in `components`; so is every recursive schema
 *   (`z.lazy` rule trees, `z.json()`), whose cycle zod breaks with a `$ref`
 *   (`cycles: "ref"`), named `JsonValue` (`z.json()`) or `Recursive<n>` unless `docs` names it. Every
 *   `$ref` points into `#/components/schemas/`, where the document puts them.
 *
 * All roots are converted as one object, so a schema met by several roots has
 * one name and one definition.
 */
export function toJsonSchemas(
  roots: Record<string, z.ZodType>,
  docs: z.core.$ZodRegistry<SchemaDocs>,
): { roots: Record<string, JsonSchema>; components: Record<string, JsonSchema> } {
  const converted = z.toJSONSchema(z.object(roots), {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
    cycles: "ref",
    reused: "inline",
    metadata: docs,
    // descriptions given with `.describe()` / `.meta()` (zod's global registry) count too
    override: ({ zodSchema, jsonSchema }) => {
      const meta = z.globalRegistry.get(zodSchema);
      if (!meta) return;
      for (const key of COPIED_META)
        if (meta[key] !== undefined && jsonSchema[key] === undefined)
          (jsonSchema as JsonSchema)[key] = meta[key] as unknown;
    },
  }) as JsonSchema;

  const defs = (converted.$defs ?? {}) as Record<string, JsonSchema>;
  const names = new Map<string, string>();
  const taken = new Set(Object.keys(defs).filter((key) => !ANONYMOUS_DEF.test(key)));
  for (const [key, def] of Object.entries(defs)) {
    const anonymous = ANONYMOUS_DEF.exec(key);
    let name = key;
    if (anonymous) {
      name = isJsonValue(def, key) && !taken.has("JsonValue") ? "JsonValue" : `Recursive${Number(anonymous[1]) + 1}`;
      if (taken.has(name)) throw new Error(`toJsonSchemas: two definitions are named ${name}`);
    }
    taken.add(name);
    names.set(key, name);
  }
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (!value || typeof value !== "object") return value;
    const out: JsonSchema = {};
    for (const [key, inner] of Object.entries(value)) {
      if (key === "$ref" && typeof inner === "string" && inner.startsWith("#/$defs/")) {
        const name = names.get(inner.slice("#/$defs/".length));
        if (!name) throw new Error(`toJsonSchemas: a $ref to no definition (${inner})`);
        out[key] = `#/components/schemas/${name}`;
      } else if (key === "$ref" && typeof inner === "string") {
        throw new Error(`toJsonSchemas: a $ref outside the document's components (${inner})`);
      } else out[key] = rewrite(inner);
    }
    return out;
  };

  const properties = (converted.properties ?? {}) as Record<string, JsonSchema>;
  const components: Record<string, JsonSchema> = {};
  for (const [key, def] of Object.entries(defs)) components[names.get(key)!] = rewrite(def) as JsonSchema;
  const out: Record<string, JsonSchema> = {};
  for (const key of Object.keys(roots)) out[key] = rewrite(properties[key] ?? {}) as JsonSchema;
  return { roots: out, components };
}
