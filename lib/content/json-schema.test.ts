import { describe, expect, it } from "vitest";
import { checkJsonSchema } from "./template";

describe("checkJsonSchema", () => {
  it("accepts a schema ajv can compile", () => {
    expect(
      checkJsonSchema({
        type: "object",
        required: ["title"],
        properties: { title: { type: "string", maxLength: 80 }, email: { type: "string", format: "email" } },
      }),
    ).toEqual([]);
    expect(checkJsonSchema(true)).toEqual([]);
  });

  it("reports a wrong type name where it is", () => {
    expect(checkJsonSchema({ type: "object", properties: { title: { type: "strin" } } })).toEqual([
      {
        line: 1,
        column: 1,
        message:
          'JSON schema: /properties/title/type must be equal to one of the allowed values: "array", "boolean", "integer", "null", "number", "object", "string"',
      },
    ]);
  });

  it("reports a misspelt keyword", () => {
    expect(checkJsonSchema({ type: "object", requried: ["title"] })).toEqual([
      { line: 1, column: 1, message: "JSON schema: unknown keyword 'requried'" },
    ]);
  });

  it("reports a reference that leads nowhere", () => {
    expect(checkJsonSchema({ $ref: "#/definitions/missing" })).toEqual([
      { line: 1, column: 1, message: "JSON schema: reference '#/definitions/missing' cannot be resolved" },
    ]);
  });

  it("reports what is not a schema at all, or of a draft it does not know", () => {
    expect(checkJsonSchema("a string")).toEqual([
      { line: 1, column: 1, message: "JSON schema: / must be object,boolean" },
    ]);
    expect(checkJsonSchema({ $schema: "https://json-schema.org/draft/2020-12/schema" })[0]?.message).toMatch(
      /unsupported \$schema/,
    );
  });
});
