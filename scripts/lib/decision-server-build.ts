import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { sourceFingerprint } from "./build-fingerprint";

/** The decision server as one plain ES module, run with `node` (no TypeScript loader at run time). */
export const DECISION_SERVER_BUNDLE = path.join(".build", "decide-server.mjs");
const STAMP = path.join(".build", "decide-server.fingerprint");
const INPUTS = ["server", "lib", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];

/**
 * Bundles `server/decide.ts` with esbuild when its sources changed since the
 * last bundle (about a second). Packages stay in node_modules. Plain
 * JavaScript, without the name-keeping wrappers a TypeScript loader adds to
 * every closure, makes a decision about a sixth cheaper (bench/decide).
 */
export async function ensureDecisionServerBuild(say: (line: string) => void = () => {}): Promise<string> {
  const fingerprint = sourceFingerprint(INPUTS);
  if (existsSync(DECISION_SERVER_BUNDLE) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === fingerprint)
    return DECISION_SERVER_BUNDLE;
  say("bundling the decision server");
  mkdirSync(path.dirname(DECISION_SERVER_BUNDLE), { recursive: true });
  const result = await build({
    entryPoints: ["server/decide.ts"],
    outfile: DECISION_SERVER_BUNDLE,
    write: false,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    logLevel: "warning",
    // CommonJS code inside the bundle may call require()
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
    },
  });
  // each file written beside and renamed into place: a process starting meanwhile (or a concurrent build) never reads half a file
  for (const file of result.outputFiles) {
    const partial = `${file.path}.${process.pid}.partial`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
  }
  writeFileSync(STAMP, fingerprint);
  return DECISION_SERVER_BUNDLE;
}

/** The arguments of `node` that run the decision server (bundled first when its sources changed). */
export async function decisionServerArgs(say?: (line: string) => void): Promise<string[]> {
  return ["--enable-source-maps", await ensureDecisionServerBuild(say)];
}
