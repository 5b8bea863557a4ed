import { describe, expect, it } from "vitest";
import { newNonce, securityHeaders } from "./security-headers";

describe("securityHeaders", () => {
  const headers = securityHeaders("abc123==");
  const policy = headers["Content-Security-Policy"]!;

  it("lets scripts run only with the response's nonce, and nothing inline or from elsewhere", () => {
    const scripts = policy.split("; ").find((d) => d.startsWith("script-src"))!;
    expect(scripts).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-inline' 'strict");
    expect(scripts).not.toContain("unsafe-inline");
    expect(scripts).not.toContain("unsafe-eval");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
  });

  it("forbids framing and sniffing, and sends referrers only to this origin in full", () => {
    expect(policy).toContain("frame-ancestors 'none'");
    expect(headers).toMatchObject({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
  });

  it("allows eval only for the development server", () => {
    expect(securityHeaders("n", { dev: true })["Content-Security-Policy"]).toContain("'unsafe-eval'");
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, new each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
