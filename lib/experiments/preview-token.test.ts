import { describe, expect, it } from "vitest";
import { previewToken, readPreviewToken } from "./preview-token";

const claim = { workspaceId: "w1", experimentId: "x1", variationId: "v2", expiresAt: 2_000 };

describe("preview tokens", () => {
  it("carry their claim for the workspace that made them until they expire", () => {
    const token = previewToken(claim, "salt");
    expect(readPreviewToken(token, "w1", "salt", 1_999)).toEqual(claim);
    expect(readPreviewToken(token, "w1", "salt", 2_000)).toBeNull();
    expect(readPreviewToken(token, "w2", "salt", 1_000)).toBeNull();
    expect(readPreviewToken(token, "w1", "other salt", 1_000)).toBeNull();
  });

  it("refuse any change to the claim, a missing or extra part, and oversized input", () => {
    const token = previewToken(claim, "salt");
    const [payload, mac] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ w: "w1", e: "x1", v: "v1", x: 2_000 })).toString("base64url");
    expect(readPreviewToken(`${forged}.${mac}`, "w1", "salt", 1_000)).toBeNull();
    expect(readPreviewToken(payload!, "w1", "salt", 1_000)).toBeNull();
    expect(readPreviewToken(`${token}.x`, "w1", "salt", 1_000)).toBeNull();
    expect(readPreviewToken(`${payload}.${mac!.slice(1)}`, "w1", "salt", 1_000)).toBeNull();
    expect(readPreviewToken("x".repeat(10_000), "w1", "salt", 1_000)).toBeNull();
  });
});
