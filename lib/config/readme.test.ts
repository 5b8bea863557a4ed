import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "./config";
import { CONFIG_VARIABLES, envSchema, type ConfigVariable } from "./schema";

/** The rows of the first table in README.md's "Configuration" section: variable, default and meaning. */
function readmeRows(): { variable: string; fallback: string; meaning: string }[] {
  const readme = readFileSync(path.join(import.meta.dirname, "../../README.md"), "utf8");
  const section = readme.split(/^## /m).find((s) => s.startsWith("Configuration\n"));
  if (!section) throw new Error('README.md has no "## Configuration" section');
  const lines = section.split("\n");
  const first = lines.findIndex((line) => line.startsWith("|"));
  const end = lines.findIndex((line, i) => i > first && !line.startsWith("|"));
  return lines.slice(first + 2, end === -1 ? undefined : end).map((line) => {
    const [variable = "", fallback = "", meaning = ""] = line
      .slice(1, -1)
      .split(" | ")
      .map((cell) => cell.trim());
    return { variable: variable.replace(/^`|`$/g, ""), fallback, meaning };
  });
}

describe("README.md's configuration table", () => {
  const rows = readmeRows();

  it("lists exactly the variables of the schema, each once, in its order", () => {
    expect(rows.map((row) => row.variable)).toEqual(CONFIG_VARIABLES);
  });

  it("gives each variable the schema's default and meaning", () => {
    const defaults = parseConfig({});
    for (const { variable, fallback, meaning } of rows) {
      const name = variable as ConfigVariable;
      expect(meaning, name).toBe(envSchema.shape[name].description);
      if (defaults[name] !== undefined) expect(fallback, name).toBe(`\`${defaults[name]}\``);
    }
  });
});
