import { gzipSync } from "node:zlib";
import { expect, it } from "vitest";
import { bundleSdk } from "../bundle";

/** Every page that personalizes downloads this before its placements show. */
const BUDGET_BYTES = 6144;

it("bundles the browser SDK into at most 6 KB gzipped", async () => {
  const gzipped = gzipSync(await bundleSdk()).length;
  expect(gzipped, `sdk.js is ${gzipped} bytes gzipped, over the ${BUDGET_BYTES}-byte budget`).toBeLessThanOrEqual(
    BUDGET_BYTES,
  );
});
