import { describe, expect, it } from "vitest";
import { apiKeyPrefix, generateApiKey, hashApiKey } from "./secret";

describe("API key secrets", () => {
  it("generates distinct keys marked by kind", () => {
    const a = generateApiKey("write");
    const b = generateApiKey("write");
    expect(a).toMatch(/^wk_[0-9A-Za-z]{32}$/);
    expect(generateApiKey("client")).toMatch(/^ck_/);
    expect(a).not.toBe(b);
  });

  it("hashes with SHA-256 and never returns the key itself", () => {
    const key = generateApiKey("client");
    const hash = hashApiKey(key);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(key.slice(3));
    expect(hashApiKey(key)).toBe(hash);
    // SHA-256("abc"), FIPS 180-2 appendix B.1
    expect(hashApiKey("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("shows only a short prefix", () => {
    const key = generateApiKey("write");
    expect(apiKeyPrefix(key)).toHaveLength(10);
    expect(key.startsWith(apiKeyPrefix(key))).toBe(true);
  });
});
