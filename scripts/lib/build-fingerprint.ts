import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** What a production build is made from; a change in any of these means rebuild. */
const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];
const SKIP = new Set(["generated", "node_modules", ".next"]);
const STAMP = path.join(".next", "source-fingerprint");

function* files(entry: string): Generator<string> {
  if (!existsSync(entry)) return;
  if (statSync(entry).isFile()) {
    yield entry;
    return;
  }
  for (const name of readdirSync(entry).sort()) {
    if (SKIP.has(name) || /\.test\.tsx?$/.test(name)) continue;
    yield* files(path.join(entry, name));
  }
}

/** SHA-256 over the paths and contents of a build's inputs (the app's by default). */
export function sourceFingerprint(inputs: readonly string[] = INPUTS): string {
  const hash = createHash("sha256");
  for (const input of inputs) {
    for (const file of files(input)) hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

/** True when there is no build, or it was made from other sources. */
export function buildIsStale(fingerprint: string): boolean {
  if (!existsSync(path.join(".next", "BUILD_ID"))) return true;
  return !existsSync(STAMP) || readFileSync(STAMP, "utf8") !== fingerprint;
}

export function recordBuild(fingerprint: string): void {
  writeFileSync(STAMP, fingerprint);
}
