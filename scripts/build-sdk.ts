// tsx scripts/build-sdk.ts: bundles the browser SDK (lib/sdk/browser/) into
// public/sdk.js, which Next serves at /sdk.js. The bundle is not committed:
// postinstall, prebuild and npm start make it.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bundleSdk } from "@/lib/sdk/bundle";

/** Where the bundle goes: Next serves public/ as is. */
export const SDK_BUNDLE = path.join(import.meta.dirname, "..", "public", "sdk.js");

/**
 * Writes the SDK bundle to public/sdk.js unless it already holds exactly that
 * (an unchanged file keeps its mtime, so a running dev server sees nothing).
 * Written beside and renamed into place: a request meanwhile never reads half a file.
 */
export async function buildSdk(): Promise<{ path: string; bytes: number; changed: boolean }> {
  const code = await bundleSdk();
  const bytes = Buffer.byteLength(code);
  if (existsSync(SDK_BUNDLE) && readFileSync(SDK_BUNDLE, "utf8") === code)
    return { path: SDK_BUNDLE, bytes, changed: false };
  // public/ holds nothing committed, so a fresh clone has no such folder.
  mkdirSync(path.dirname(SDK_BUNDLE), { recursive: true });
  const partial = `${SDK_BUNDLE}.${process.pid}.partial`;
  writeFileSync(partial, code);
  renameSync(partial, SDK_BUNDLE);
  return { path: SDK_BUNDLE, bytes, changed: true };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const built = await buildSdk();
  console.log(
    `[build-sdk] ${path.relative(process.cwd(), built.path)}: ${built.bytes} bytes${built.changed ? "" : " (unchanged)"}`,
  );
}
