// The layers of lib/ (README.md, "Architecture"), as the lint step enforces them: the tree has the shape the
// rules assume, and ESLint refuses an import across each boundary (a rule that no longer matches fails here).
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { DOMAIN_LAYERS, PLATFORM } from "../../eslint.config.mjs";

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}
const libFiles = filesUnder("lib").filter((f) => !f.startsWith(path.join("lib", "generated")));

describe("the tree", () => {
  it("has no queries/ folder or *queries* file in a domain: reads and writes are in its db/", () => {
    const platform = PLATFORM.map((p) => path.join("lib", p) + path.sep);
    const domainFiles = libFiles.filter((f) => !platform.some((p) => f.startsWith(p)));
    expect(
      domainFiles.filter((f) => /quer(y|ies)/.test(path.basename(f)) || f.includes(`${path.sep}queries${path.sep}`)),
    ).toEqual([]);
  });

  it("gives each domain only the known layers as folders (and testing/ for test helpers)", () => {
    const known = new Set([...DOMAIN_LAYERS, "testing"]);
    const domains = readdirSync("lib").filter(
      (d) => statSync(path.join("lib", d)).isDirectory() && !PLATFORM.includes(d),
    );
    const strays = domains.flatMap((d) =>
      readdirSync(path.join("lib", d))
        .filter((sub) => statSync(path.join("lib", d, sub)).isDirectory() && !known.has(sub))
        .map((sub) => `lib/${d}/${sub}`),
    );
    expect(strays).toEqual([]);
  });

  it("has no server action file under app/: components import actions from @/lib/<domain>/actions", () => {
    expect(filesUnder("app").filter((f) => path.basename(f) === "actions.ts")).toEqual([]);
  });
});

/** [file the import is written in, the import, what the refusal says]. */
const refused: [string, string, string][] = [
  ["lib/segments/example.ts", `import { db as x } from "@/lib/db/client";`, "a core does not touch the database"],
  [
    "lib/decide/example.ts",
    `import { redirect as x } from "next/navigation";`,
    "only actions/, runtime/ and app/ use Next.js",
  ],
  ["lib/content/example.ts", `import { useState as x } from "react";`, "only components/ and app/ use React"],
  ["lib/stats/example.ts", `import { readFileSync as x } from "node:fs";`, "a core does no I/O"],
  ["lib/experiments/example.ts", `import { x } from "./db/list-experiments";`, "a core may not import its db/"],
  [
    "lib/segments/example.ts",
    `import { x } from "@/lib/decide/runtime/visitor-cache";`,
    "a core may not import runtime/",
  ],
  ["lib/segments/example.ts", `import { x } from "@/lib/signals/bus";`, "a core does not depend on the platform"],
  [
    "lib/segments/example.ts",
    `import { x } from "@/lib/generated/prisma/client";`,
    "a core does not touch the database",
  ],
  [
    "lib/events/db/example.ts",
    `import { x } from "@/lib/segments/runtime/refresh-queue";`,
    "db/ may not import runtime/",
  ],
  ["lib/events/db/example.ts", `import { publish as x } from "@/lib/signals/bus";`, "db/ does not publish signals"],
  ["lib/content/db/example.ts", `import { x } from "../actions/checks";`, "db/ may not import actions/"],
  ["lib/api-keys/actions/example.ts", `import { x } from "../runtime/key-cache";`, "actions/ may not import runtime/"],
  [
    "lib/content/actions/example.ts",
    `import { x } from "@/lib/decide/runtime/snapshot-store";`,
    "actions/ may not import runtime/",
  ],
  [
    "lib/decide/runtime/example.ts",
    `import { x } from "@/components/ui/button";`,
    "lib/ does not depend on the route tree or the UI",
  ],
  ["lib/api/example.ts", `import { x } from "@/app/layout";`, "lib/ does not depend on the route tree or the UI"],
  ["components/example.tsx", `import { x } from "@/app/login/page";`, "components do not import the route tree"],
  [
    "components/example.tsx",
    `import { x } from "@/lib/segments/db/get-segment";`,
    "components reach data through actions",
  ],
];
/** Imports each layer may make. */
const allowed: [string, string][] = [
  ["lib/segments/example.ts", `import { x } from "@/lib/decide/decide";`],
  ["lib/segments/db/example.ts", `import { db as x } from "@/lib/db/client";`],
  ["lib/segments/actions/example.ts", `import { x } from "../db/get-segment";`],
  ["lib/segments/runtime/example.ts", `import { x } from "@/lib/decide/runtime/visitor-cache";`],
  ["lib/segments/example.test.ts", `import { x } from "./db/get-segment";`],
  ["components/example.tsx", `import type { X as x } from "@/lib/segments/db/get-segment";`],
  ["components/example.tsx", `import { x } from "@/lib/segments/actions";`],
];

const restrictions = async (file: string, source: string) => {
  const [result] = await new ESLint().lintText(`${source}\nexport const y = x;\n`, { filePath: path.resolve(file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
};

describe("ESLint refuses an import across a layer's boundary", () => {
  it.each(refused)(
    "in %s: %s",
    async (file, source, reason) => {
      const messages = await restrictions(file, source);
      expect(messages.join("\n")).toContain(reason);
    },
    60_000,
  );

  it.each(allowed)(
    "and allows, in %s: %s",
    async (file, source) => {
      expect(await restrictions(file, source)).toEqual([]);
    },
    60_000,
  );
});
