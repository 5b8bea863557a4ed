import { afterEach, describe, expect, it, vi } from "vitest";
import {
  contextFromRequest,
  decideOnServer,
  newAnonymousId,
  preferredLocale,
  signUserId,
  type CookieJar,
  type Decisions,
  type ServerDecideOptions,
} from "./server";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DECISIONS: Decisions = {
  hero: { variantId: "v1", experienceId: "e1", content: "<b>Hi</b>", contentType: "html", reason: "segment" },
};

function fakeCookies(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  const sets: Array<{ name: string; value: string; options: Parameters<CookieJar["set"]>[2] }> = [];
  const jar: CookieJar = {
    get: (name) => values.get(name),
    set: (name, value, options) => {
      sets.push({ name, value, options });
      values.set(name, value);
    },
  };
  return { jar, sets, values };
}

type Call = { url: string; init: RequestInit };

function fakeFetch(
  answer: (call: Call) => Promise<Response> | Response = () =>
    Response.json({ profileId: "p1", decisions: DECISIONS, unknownPlacements: [] }),
) {
  const calls: Call[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return answer({ url, init });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

function request(
  url = "https://shop.example/products/shoes?utm_source=news&utm_medium=email",
  headers: Record<string, string> = {},
) {
  const all = new Headers({
    referer: "https://search.example/",
    "user-agent": "Mozilla/5.0 Test",
    "accept-language": "de-CH,de;q=0.9,en;q=0.8",
    ...headers,
  });
  return { url, headers: all };
}

function options(overrides: Partial<ServerDecideOptions> = {}): ServerDecideOptions & { fetch: typeof fetch } {
  return {
    host: "https://app.example/",
    key: "ck_server",
    placements: ["hero"],
    cookies: fakeCookies().jar,
    request: request(),
    fetch: fakeFetch().fetch,
    ...overrides,
  } as ServerDecideOptions & { fetch: typeof fetch };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("decideOnServer", () => {
  it("creates the pz_aid cookie the browser SDK shares: a year, whole site, Lax, readable by scripts", async () => {
    const cookies = fakeCookies();
    const { fetch, calls } = fakeFetch();
    const result = await decideOnServer(options({ cookies: cookies.jar, fetch }));
    expect(cookies.sets).toEqual([
      {
        name: "pz_aid",
        value: result.anonymousId,
        options: { maxAge: 31_536_000, path: "/", sameSite: "lax", secure: true, httpOnly: false },
      },
    ]);
    expect(result.anonymousId).toMatch(UUID);
    expect(JSON.parse(calls[0]!.init.body as string).newVisitor).toBe(true); // a new id has nothing to look up
  });

  it("marks the cookie Secure only on https (as forwarded by a proxy)", async () => {
    const plain = fakeCookies();
    await decideOnServer(options({ cookies: plain.jar, request: request("http://localhost:3000/") }));
    expect(plain.sets[0]!.options.secure).toBe(false);

    const proxied = fakeCookies();
    await decideOnServer(
      options({ cookies: proxied.jar, request: request("http://internal:3000/", { "x-forwarded-proto": "https" }) }),
    );
    expect(proxied.sets[0]!.options.secure).toBe(true);
  });

  it("reuses an existing pz_aid without rewriting it, and replaces a malformed one", async () => {
    const existing = fakeCookies({ pz_aid: "0b9d3a0e-1111-4222-8333-444455556666" });
    const { fetch, calls } = fakeFetch();
    const result = await decideOnServer(options({ cookies: existing.jar, fetch }));
    expect(result.anonymousId).toBe("0b9d3a0e-1111-4222-8333-444455556666");
    expect(existing.sets).toEqual([]);
    expect(JSON.parse(calls[0]!.init.body as string).anonymousId).toBe("0b9d3a0e-1111-4222-8333-444455556666");
    expect(JSON.parse(calls[0]!.init.body as string)).not.toHaveProperty("newVisitor");

    const malformed = fakeCookies({ pz_aid: "x;y" });
    const replaced = await decideOnServer(options({ cookies: malformed.jar }));
    expect(replaced.anonymousId).toMatch(UUID);
    expect(malformed.values.get("pz_aid")).toBe(replaced.anonymousId);
  });

  it("posts the placements, identity and request context to the decide API with the key", async () => {
    const { fetch, calls } = fakeFetch();
    const result = await decideOnServer(
      options({
        fetch,
        placements: ["hero", "banner"],
        userId: "user-42",
        traits: { plan: "pro" },
        cookies: fakeCookies({ pz_aid: "anon-0000001" }).jar,
        request: request(undefined, { "cf-ipcountry": "ch" }),
      }),
    );

    expect(calls).toHaveLength(1);
    const { url, init } = calls[0]!;
    expect(url).toBe("https://app.example/api/v1/decide");
    expect(init.method).toBe("POST");
    expect(init.headers).toEqual({ authorization: "Bearer ck_server", "content-type": "application/json" });
    expect(init.signal).toBeInstanceOf(AbortSignal);
    expect(JSON.parse(init.body as string)).toEqual({
      anonymousId: "anon-0000001",
      userId: "user-42",
      traits: { plan: "pro" },
      placements: ["hero", "banner"],
      context: {
        url: "https://shop.example/products/shoes?utm_source=news&utm_medium=email",
        path: "/products/shoes",
        referrer: "https://search.example/",
        userAgent: "Mozilla/5.0 Test",
        locale: "de-CH",
        country: "CH",
        utm: { source: "news", medium: "email" },
      },
    });
    expect(result).toEqual({ anonymousId: "anon-0000001", profileId: "p1", decisions: DECISIONS, experiments: {} });
  });

  it("asks for flag experiments and reads each one's variation and value", async () => {
    const flags = { checkout: { variation: "one-step", value: { steps: 1 }, inExperiment: true } };
    const { fetch, calls } = fakeFetch(() =>
      Response.json({ decisions: {}, experiments: flags, unknownPlacements: [] }),
    );
    const result = await decideOnServer(options({ fetch, placements: [], experiments: ["checkout"] }));
    expect(JSON.parse(calls[0]!.init.body as string)).toMatchObject({ placements: [], experiments: ["checkout"] });
    expect(result.experiments).toEqual(flags);
  });

  it("resolves with empty decisions on an API error answer", async () => {
    const { fetch } = fakeFetch(() =>
      Response.json({ error: { code: "forbidden", message: "key lacks decide" } }, { status: 403 }),
    );
    const result = await decideOnServer(options({ fetch, cookies: fakeCookies({ pz_aid: "anon-0000002" }).jar }));
    expect(result).toEqual({ anonymousId: "anon-0000002", profileId: null, decisions: {}, experiments: {} });
  });

  it("resolves with empty decisions on a network error or a body that is not JSON", async () => {
    const refused = fakeFetch(() => Promise.reject(new TypeError("fetch failed")));
    await expect(decideOnServer(options({ fetch: refused.fetch }))).resolves.toMatchObject({
      profileId: null,
      decisions: {},
    });

    const html = fakeFetch(() => new Response("<html>Bad gateway</html>", { status: 200 }));
    await expect(decideOnServer(options({ fetch: html.fetch }))).resolves.toMatchObject({
      profileId: null,
      decisions: {},
    });
  });

  it("gives up after 300 ms by default, aborting the request", async () => {
    vi.useFakeTimers();
    let signal: AbortSignal | undefined;
    const { fetch } = fakeFetch(({ init }) => {
      signal = init.signal ?? undefined;
      return new Promise<Response>(() => {}); // never answers, ignores the signal
    });
    let settled: unknown;
    void decideOnServer(options({ fetch })).then((r) => (settled = r));

    await vi.advanceTimersByTimeAsync(299);
    expect(settled).toBeUndefined();
    expect(signal!.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toMatchObject({ profileId: null, decisions: {} });
    expect(signal!.aborted).toBe(true);
  });

  it("honours timeoutMs", async () => {
    vi.useFakeTimers();
    const { fetch } = fakeFetch(() => new Promise<Response>(() => {}));
    let settled = false;
    void decideOnServer(options({ fetch, timeoutMs: 50 })).then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(50);
    expect(settled).toBe(true);
  });

  it("keeps the id when the cookie store is read-only (a Server Component render)", async () => {
    const readOnly: CookieJar = {
      get: () => undefined,
      set: () => {
        throw new Error("Cookies can only be modified in a Server Action or Route Handler");
      },
    };
    const { fetch, calls } = fakeFetch();
    const result = await decideOnServer(options({ cookies: readOnly, fetch }));
    expect(result.decisions).toEqual(DECISIONS);
    expect(JSON.parse(calls[0]!.init.body as string).anonymousId).toBe(result.anonymousId);
  });

  it("asks nothing when there are no placements", async () => {
    const { fetch, calls } = fakeFetch();
    const result = await decideOnServer(options({ fetch, placements: [] }));
    expect(calls).toEqual([]);
    expect(result.decisions).toEqual({});
  });
});

describe("signUserId", () => {
  it("is the HMAC-SHA256 the decide API checks (RFC 4231 test case 2), in lower-case hex", async () => {
    expect(await signUserId("Jefe", "what do ya want for nothing?")).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
  });

  it("signs the user id when decideOnServer is given the identity secret, or passes a userHash made before", async () => {
    const signed = fakeFetch();
    await decideOnServer({ ...options({ fetch: signed.fetch }), userId: "user_7", identitySecret: "Jefe" });
    const body = JSON.parse(String(signed.calls[0]!.init.body)) as Record<string, unknown>;
    expect(body).toMatchObject({ userId: "user_7", userHash: await signUserId("Jefe", "user_7") });

    const given = fakeFetch();
    await decideOnServer({ ...options({ fetch: given.fetch }), userId: "user_7", userHash: "ab".repeat(32) });
    expect(JSON.parse(String(given.calls[0]!.init.body))).toMatchObject({ userHash: "ab".repeat(32) });
  });
});

describe("request context", () => {
  it("picks the highest-weighted language", () => {
    expect(preferredLocale("fr;q=0.5, en-GB, de;q=0.9")).toBe("en-GB");
    expect(preferredLocale("*;q=1, it;q=0.3")).toBe("it");
    expect(preferredLocale(null)).toBe("");
  });

  it("leaves out unknown countries and missing campaign fields", () => {
    const context = contextFromRequest(request("https://shop.example/", { "cf-ipcountry": "XX" }));
    expect(context).not.toHaveProperty("country");
    expect(context).not.toHaveProperty("utm");
    expect(context.path).toBe("/");
  });
});

describe("newAnonymousId", () => {
  it("makes distinct UUIDs in the format sdk.js writes", () => {
    const ids = new Set(Array.from({ length: 100 }, newAnonymousId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(UUID);
  });
});
