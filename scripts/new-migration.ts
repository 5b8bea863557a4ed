// npm run db:new-migration -- <name>: writes prisma/migrations/<time>_<name>/migration.sql
// with the SQL that takes the last committed schema (git HEAD) to the working
// one. `prisma migrate dev` needs a shadow database that Prisma 6.19's wasm
// engine cannot create here, while diffing two schema files needs none.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { runPrismaCli } from "@/lib/db/migrate";
import { provideDatabase } from "./lib/database";

const name = z
  .string()
  .regex(/^[a-z0-9_]{3,60}$/, "name: lower-case letters, digits and _")
  .parse(process.argv[2]);
const previous = path.join(mkdtempSync(path.join(tmpdir(), "schema-")), "schema.prisma");
writeFileSync(previous, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"]));

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
const database = await provideDatabase({ dataDir: ".data/new-migration", database: "diff", fresh: true });
try {
  const sql = execFileSync(
    process.execPath,
    [
      "--import",
      "./scripts/prisma/unref-timers.mjs",
      "node_modules/prisma/build/index.js",
      "migrate",
      "diff",
      "--from-schema-datamodel",
      previous,
      "--to-schema-datamodel",
      "prisma/schema.prisma",
      "--script",
    ],
    { env: { ...process.env, DATABASE_URL: database.url }, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  if (!sql.trim() || sql.includes("This is an empty migration"))
    throw new Error("the schema did not change since HEAD");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  await runPrismaCli(["migrate", "deploy"], database.url, { quiet: true });
  console.log(`${dir}/migration.sql written and applied cleanly to a scratch database`);
} finally {
  await database.stop();
}
