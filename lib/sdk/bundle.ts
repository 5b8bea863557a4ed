import path from "node:path";
import { build, buildSync, type BuildOptions } from "esbuild";
import { SDK_VERSION } from "./browser/constants";

/** The browser SDK's entry point; everything it imports is bundled with it. */
export const SDK_ENTRY = path.join(import.meta.dirname, "browser", "entry.ts");

/**
 * How the browser SDK is bundled: one classic script (an IIFE, so the only
 * global is what it assigns: window.personalize), minified, ES2017 so it runs
 * on the browsers the hand-written file ran on. Source comments go; a
 * one-line header says what the file is and where its source lives.
 */
const OPTIONS = {
  entryPoints: [SDK_ENTRY],
  bundle: true,
  write: false,
  format: "iife",
  platform: "browser",
  target: "es2017",
  minify: true,
  legalComments: "none",
  banner: { js: `/*! personalize browser SDK ${SDK_VERSION}, built from lib/sdk/browser/ */` },
  charset: "utf8",
  logLevel: "silent",
} satisfies BuildOptions;

/** The browser SDK as served at /sdk.js, built in memory (about 50 ms). */
export async function bundleSdk(): Promise<string> {
  const result = await build(OPTIONS);
  return result.outputFiles[0]!.text;
}

/** bundleSdk, synchronously: for test helpers that load the SDK without awaiting. */
export function bundleSdkSync(): string {
  return buildSync(OPTIONS).outputFiles[0]!.text;
}
