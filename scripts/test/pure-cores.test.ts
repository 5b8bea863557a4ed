import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const PURE_CORES = ["segments", "decide", "experiments", "stats", "content"];
const FORBIDDEN =
  /from\s+["'](next(\/[^"']*)?|react(-dom)?(\/[^"']*)?|@prisma\/[^"']+|[^"']*generated\/prisma[^"']*|@\/lib\/db\/[^"']+|pg)["']/;

function coreFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return coreFiles(file);
    const isQueries = name === "queries.ts" || file.includes(`${path.sep}queries${path.sep}`);
    return /\.tsx?$/.test(name) && !isQueries && !name.endsWith(".integration.test.ts") ? [file] : [];
  });
}

describe("pure cores", () => {
  it("import nothing from Next.js, React, Prisma or the database (outside queries.ts)", () => {
    const offenders = PURE_CORES.flatMap((core) => coreFiles(path.join("lib", core))).filter((file) =>
      FORBIDDEN.test(readFileSync(file, "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("are guarded by the ESLint rule, which refuses such an import", async () => {
    const eslint = new ESLint();
    for (const source of [
      `import { db } from "@/lib/db/client";\nexport const x = db;\n`,
      `import { redirect } from "next/navigation";\nexport const x = redirect;\n`,
      `import { useState } from "react";\nexport const x = useState;\n`,
    ]) {
      const [result] = await eslint.lintText(source, { filePath: path.resolve("lib/segments/example.ts") });
      expect(result?.messages.map((m) => m.ruleId)).toContain("no-restricted-imports");
    }
    const [allowed] = await eslint.lintText(`import { db } from "@/lib/db/client";\nexport const x = db;\n`, {
      filePath: path.resolve("lib/segments/queries.ts"),
    });
    expect(allowed?.messages.map((m) => m.ruleId)).not.toContain("no-restricted-imports");
  }, 60_000);
});
