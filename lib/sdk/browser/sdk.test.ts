import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createFakeBrowser,
  FakeElement,
  FakeEvent,
  jsonResponse,
  readSdkSource,
  type FakeBrowser,
  type FakeBrowserOptions,
} from "../testing/fake-browser";

type Decision = {
  variantId: string;
  experienceId: string | null;
  content: string;
  contentType: "html" | "text" | "json";
  reason: string;
};
type Decisions = Record<string, Decision>;
type InitOptions = {
  key: string;
  host?: string;
  decideHost?: string;
  antiFlicker?: { timeout: number } | false;
  autoPage?: boolean;
  trackClicks?: boolean;
  placements?: string[];
  userId?: string;
  userHash?: string;
};
type Personalize = {
  init(options: InitOptions): Promise<Decisions>;
  decide(placements?: string[]): Promise<Decisions>;
  experiment(key: string): Promise<{ variation: string; value: unknown; inExperiment: boolean } | null>;
  track(event: string, properties?: Record<string, unknown>): void;
  page(name?: string, properties?: Record<string, unknown>): void;
  identify(userId: string, traits?: Record<string, unknown>, options?: { userHash?: string }): void;
  reset(): void;
  flush(): void;
};
type BatchMessage = {
  type: string;
  anonymousId: string;
  userId?: string;
  userHash?: string;
  event?: string;
  name?: string;
  properties?: Record<string, unknown>;
  traits?: Record<string, unknown>;
  messageId: string;
  timestamp: string;
  context: Record<string, unknown>;
};
type BatchBody = { writeKey: string; batch: BatchMessage[]; sentAt: string };

const KEY = "ck_test123";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

const decision = (contentType: Decision["contentType"], content: string, variantId = `v-${contentType}`): Decision => ({
  variantId,
  experienceId: "exp-1",
  content,
  contentType,
  reason: "segment",
});

function decideAnswer(decisions: Decisions) {
  return (url: string) =>
    url.endsWith("/api/v1/decide")
      ? jsonResponse({ profileId: "p1", decisions, unknownPlacements: [] })
      : jsonResponse({ ok: true });
}

function load(options: FakeBrowserOptions = {}, setup?: (browser: FakeBrowser) => void) {
  const browser = createFakeBrowser(options);
  setup?.(browser);
  browser.loadSdk();
  return { browser, sdk: browser.window.personalize as Personalize };
}

const antiFlickerStyles = (browser: FakeBrowser) =>
  browser.document.head.children.filter((el) => el.tagName === "style");
const batchBodies = (browser: FakeBrowser) => browser.callsTo("/api/v1/batch").map((call) => call.body as BatchBody);

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("sdk.js as shipped", () => {
  it("stays under 6 KB gzipped", () => {
    const size = gzipSync(readSdkSource()).length;
    expect(size).toBeLessThan(6144);
  });

  it("defines no global besides window.personalize", () => {
    const browser = createFakeBrowser();
    const before = new Set(Object.keys(browser.window));
    browser.loadSdk();
    expect(Object.keys(browser.window).filter((name) => !before.has(name))).toEqual(["personalize"]);
  });
});

describe("anonymous id cookie", () => {
  it("creates pz_aid for a year, Lax, on the whole site, Secure on https, and sends it", async () => {
    const { browser, sdk } = load({}, (b) => b.addPlacement("hero"));
    await sdk.init({ key: KEY, autoPage: false });

    expect(browser.document.cookieWrites).toHaveLength(1);
    const stored = browser.document.cookies.get("pz_aid")!;
    expect(stored.value).toMatch(UUID);
    expect(stored.attributes).toEqual(expect.arrayContaining(["Max-Age=31536000", "Path=/", "SameSite=Lax", "Secure"]));
    expect(browser.callsTo("/api/v1/decide")[0]!.body).toMatchObject({ anonymousId: stored.value, newVisitor: true });
  });

  it("is not Secure on plain http", async () => {
    const { browser, sdk } = load({ url: "http://localhost:3000/" });
    await sdk.init({ key: KEY, autoPage: false });
    expect(browser.document.cookies.get("pz_aid")!.attributes).not.toContain("Secure");
  });

  it("reuses an existing pz_aid (written by the server helper or an earlier visit)", async () => {
    const { browser, sdk } = load({ cookies: { other: "1", pz_aid: "1f0c6c52-0000-4000-8000-00000000abcd" } }, (b) =>
      b.addPlacement("hero"),
    );
    await sdk.init({ key: KEY });
    await vi.advanceTimersByTimeAsync(2000);

    expect(browser.document.cookies.get("pz_aid")!.value).toBe("1f0c6c52-0000-4000-8000-00000000abcd");
    expect(browser.callsTo("/api/v1/decide")[0]!.body).toMatchObject({
      anonymousId: "1f0c6c52-0000-4000-8000-00000000abcd",
    });
    expect(browser.callsTo("/api/v1/decide")[0]!.body).not.toHaveProperty("newVisitor"); // a returning id is looked up
    expect(batchBodies(browser)[0]!.batch[0]!.anonymousId).toBe("1f0c6c52-0000-4000-8000-00000000abcd");
  });

  it("replaces a malformed cookie value", async () => {
    const { browser, sdk } = load({ cookies: { pz_aid: "<script>" } });
    await sdk.init({ key: KEY, autoPage: false });
    expect(browser.document.cookies.get("pz_aid")!.value).toMatch(UUID);
  });
});

describe("decide", () => {
  it("asks for the page's placements at the script's origin with the key as a bearer token", async () => {
    const { browser, sdk } = load({}, (b) => {
      b.addPlacement("hero");
      b.addPlacement("footer");
      b.addPlacement("hero");
    });
    await sdk.init({ key: KEY, autoPage: false });

    const [call, ...others] = browser.fetchCalls;
    expect(others).toEqual([]);
    expect(call!.url).toBe("https://app.example/api/v1/decide");
    expect(call!.init.method).toBe("POST");
    expect(call!.init.headers).toEqual({ authorization: `Bearer ${KEY}`, "content-type": "application/json" });
    expect(call!.body).toEqual({
      anonymousId: browser.document.cookies.get("pz_aid")!.value,
      newVisitor: true,
      placements: ["hero", "footer"],
      context: {
        url: "https://shop.example/products/shoes?utm_source=news&utm_campaign=spring",
        path: "/products/shoes",
        referrer: "https://search.example/",
        userAgent: "FakeBrowser/1.0",
        locale: "fr-CH",
        utm: { source: "news", campaign: "spring" },
      },
    });
  });

  it("uses the host option over the script's origin, and the placements option over the page's", async () => {
    const { browser, sdk } = load({}, (b) => b.addPlacement("hero"));
    await sdk.init({ key: KEY, host: "https://decide.example/", placements: ["banner"], autoPage: false });
    expect(browser.fetchCalls[0]!.url).toBe("https://decide.example/api/v1/decide");
    expect(browser.fetchCalls[0]!.body).toMatchObject({ placements: ["banner"] });
  });

  it("sends decisions to decideHost (decision servers) and events to host", async () => {
    const { browser, sdk } = load({}, (b) => b.addPlacement("hero"));
    await sdk.init({ key: KEY, host: "https://app.example", decideHost: "https://decide.example/" });
    await vi.advanceTimersByTimeAsync(2000);
    expect(browser.callsTo("/api/v1/decide")[0]!.url).toBe("https://decide.example/api/v1/decide");
    expect(browser.callsTo("/api/v1/batch")[0]!.url).toBe("https://app.example/api/v1/batch");
  });

  it("stops calling the id new once its first events are sent", async () => {
    const { browser, sdk } = load({}, (b) => b.addPlacement("hero"));
    await sdk.init({ key: KEY });
    sdk.flush();
    await sdk.decide(["hero"]);
    const bodies = browser.callsTo("/api/v1/decide").map((c) => c.body as { newVisitor?: boolean });
    expect(bodies.map((b) => b.newVisitor ?? false)).toEqual([true, false]);
  });

  it("fills elements by content type, marks the variant and announces each decision", async () => {
    const decisions = {
      hero: decision("html", "<b>Hi Ada</b>"),
      tagline: decision("text", "<i>not markup</i>"),
      config: decision("json", '{"discount":10}'),
      invisible: decision("text", "nobody shows this"),
    };
    const { browser, sdk } = load({ fetch: decideAnswer(decisions) });
    const hero = browser.addPlacement("hero", "<p>default hero</p>");
    const tagline = browser.addPlacement("tagline", "default tagline");
    const config = browser.addPlacement("config", "<p>json default</p>");
    const heard: Array<{ target: unknown; detail: unknown }> = [];
    browser.document.addEventListener("personalize:decision", (e: FakeEvent) =>
      heard.push({ target: e.target, detail: e.detail }),
    );

    const result = await sdk.init({ key: KEY, autoPage: false });

    expect(result).toEqual(decisions);
    expect(hero.innerHTML).toBe("<b>Hi Ada</b>");
    expect(tagline.textContent).toBe("<i>not markup</i>");
    expect(tagline.innerHTML).toBe("default tagline");
    expect(config.innerHTML).toBe("<p>json default</p>");
    expect(config.textContent).toBe("<p>json default</p>");
    expect(config.personalizeData).toEqual({ discount: 10 });
    expect([hero, tagline, config].map((el) => el.getAttribute("data-variant-id"))).toEqual([
      "v-html",
      "v-text",
      "v-json",
    ]);
    expect(heard).toEqual([
      { target: hero, detail: { placement: "hero", decision: decisions.hero } },
      { target: tagline, detail: { placement: "tagline", decision: decisions.tagline } },
      { target: config, detail: { placement: "config", decision: decisions.config } },
      { target: browser.document, detail: { placement: "invisible", decision: decisions.invisible } },
    ]);
  });

  it("decides explicit placements later, without an element for them", async () => {
    const decisions = { recs: decision("json", "[1,2]") };
    const { browser, sdk } = load({ fetch: decideAnswer(decisions) });
    await sdk.init({ key: KEY, autoPage: false });
    expect(browser.fetchCalls).toHaveLength(0); // nothing on the page to decide

    expect(await sdk.decide(["recs"])).toEqual(decisions);
    expect(browser.fetchCalls[0]!.body).toMatchObject({ placements: ["recs"] });
  });

  it("reads experiments: flags asked for in one request, content experiments from the page's decisions", async () => {
    const flags = {
      checkout: { variation: "one-step", value: { steps: 1 }, inExperiment: true },
      badge: { variation: "control", value: false, inExperiment: false },
    };
    const hero = { "hero-test": { variation: "b", value: null, inExperiment: true } };
    const { browser, sdk } = load({
      fetch: (url: string, init: RequestInit) => {
        if (!url.endsWith("/api/v1/decide")) return jsonResponse({ ok: true });
        const body = JSON.parse(String(init.body ?? "{}")) as { placements: string[] };
        return jsonResponse({
          decisions: body.placements.length ? { hero: decision("html", "<b>B</b>") } : {},
          experiments: body.placements.length ? hero : flags,
          unknownPlacements: [],
        });
      },
    });
    await sdk.init({ key: KEY, autoPage: false });
    await sdk.decide(["hero"]);
    expect(await sdk.experiment("hero-test")).toEqual(hero["hero-test"]);
    expect(browser.fetchCalls).toHaveLength(1);
    const [checkout, badge] = await Promise.all([sdk.experiment("checkout"), sdk.experiment("badge")]);
    expect(checkout).toEqual(flags.checkout);
    expect(badge).toEqual(flags.badge);
    expect(browser.fetchCalls).toHaveLength(2); // both flags in one request
    expect(browser.fetchCalls[1]!.body).toMatchObject({ placements: [], experiments: ["checkout", "badge"] });
    expect(await sdk.experiment("checkout")).toEqual(flags.checkout); // remembered, not asked again
    expect(await sdk.experiment("unknown")).toBeNull();
  });

  it("sends a preview link's token with its decisions", async () => {
    const { browser, sdk } = load({ url: "https://shop.example/?pz_preview=abc.def", fetch: decideAnswer({}) });
    await sdk.init({ key: KEY, autoPage: false });
    await sdk.decide(["hero"]);
    expect(browser.fetchCalls[0]!.body).toMatchObject({ placements: ["hero"], preview: "abc.def" });
  });

  it("keeps a preview link's token for the tab's next pages, even when the link's page decides nothing, until ?pz_preview=off", async () => {
    const first = load({ url: "https://shop.example/?pz_preview=abc.def", fetch: decideAnswer({}) });
    await first.sdk.init({ key: KEY, autoPage: false, placements: [] });
    expect(first.browser.callsTo("/api/v1/decide")).toHaveLength(0);

    const next = load({
      url: "https://shop.example/cart",
      fetch: decideAnswer({}),
      sessionStorage: first.browser.session,
    });
    await next.sdk.init({ key: KEY, autoPage: false, placements: ["upsell"] });
    expect(next.browser.callsTo("/api/v1/decide")[0]!.body).toMatchObject({
      placements: ["upsell"],
      preview: "abc.def",
    });

    const ended = load({
      url: "https://shop.example/?pz_preview=off",
      fetch: decideAnswer({}),
      sessionStorage: first.browser.session,
    });
    await ended.sdk.init({ key: KEY, autoPage: false, placements: ["hero"] });
    expect(ended.browser.callsTo("/api/v1/decide")[0]!.body).not.toHaveProperty("preview");
  });

  it("waits for the document to be parsed before looking for placements", async () => {
    const { browser, sdk } = load({}, (b) => (b.document.readyState = "loading"));
    const first = sdk.init({ key: KEY, autoPage: false });
    browser.addPlacement("late");
    await vi.advanceTimersByTimeAsync(0);
    expect(browser.fetchCalls).toHaveLength(0);

    browser.document.readyState = "interactive";
    browser.document.dispatchEvent(new (browser.window.CustomEvent as typeof FakeEvent)("DOMContentLoaded"));
    await first;
    expect(browser.fetchCalls[0]!.body).toMatchObject({ placements: ["late"] });
  });

  it("resolves {} and keeps the default markup when the network fails", async () => {
    const { browser, sdk } = load({ fetch: () => Promise.reject(new TypeError("Failed to fetch")) });
    const hero = browser.addPlacement("hero", "<p>default</p>");
    await expect(sdk.init({ key: KEY, autoPage: false })).resolves.toEqual({});
    expect(hero.innerHTML).toBe("<p>default</p>");
    expect(hero.getAttribute("data-variant-id")).toBeNull();
    expect(antiFlickerStyles(browser)).toEqual([]);
    expect(browser.consoleWarnings.join()).toContain("Failed to fetch");
  });

  it("resolves {} on an API error answer", async () => {
    const { browser, sdk } = load({
      fetch: () => jsonResponse({ error: { code: "unauthorized", message: "Unknown API key" } }, 401),
    });
    const hero = browser.addPlacement("hero", "<p>default</p>");
    await expect(sdk.init({ key: KEY, autoPage: false })).resolves.toEqual({});
    expect(hero.innerHTML).toBe("<p>default</p>");
    expect(browser.consoleWarnings.join()).toContain("Unknown API key");
  });

  it("keeps going when a JSON decision does not parse", async () => {
    const decisions = { config: decision("json", "{oops"), hero: decision("html", "new") };
    const { browser, sdk } = load({ fetch: decideAnswer(decisions) });
    const config = browser.addPlacement("config");
    const hero = browser.addPlacement("hero");
    await sdk.init({ key: KEY, autoPage: false });
    expect(config.personalizeData).toBeUndefined();
    expect(hero.innerHTML).toBe("new");
  });
});

describe("anti-flicker", () => {
  function pendingDecide() {
    let answer: (response: Response) => void = () => {};
    const fetch = (url: string) =>
      url.endsWith("/decide") ? new Promise<Response>((resolve) => (answer = resolve)) : jsonResponse({});
    return {
      fetch,
      answer: (decisions: Decisions) => answer(jsonResponse({ profileId: null, decisions, unknownPlacements: [] })),
    };
  }

  it("hides only [data-placement] elements until decide has filled them", async () => {
    const pending = pendingDecide();
    const { browser, sdk } = load({ fetch: pending.fetch });
    const hero = browser.addPlacement("hero");
    const first = sdk.init({ key: KEY, autoPage: false });

    const styles = antiFlickerStyles(browser);
    expect(styles).toHaveLength(1);
    expect(styles[0]!.textContent.replace(/\s/g, "")).toBe(
      "[data-placement]:not([data-decided=server]){visibility:hidden!important}",
    );

    let revealedWithContent: string | null = null;
    hero.addEventListener("personalize:decision", () => void (revealedWithContent = hero.innerHTML));
    await vi.advanceTimersByTimeAsync(100);
    expect(antiFlickerStyles(browser)).toHaveLength(1);
    pending.answer({ hero: decision("html", "personal") });
    await first;
    expect(revealedWithContent).toBe("personal");
    expect(antiFlickerStyles(browser)).toEqual([]);
  });

  it("reveals the defaults after the timeout (800 ms by default) when decide is slow", async () => {
    const pending = pendingDecide();
    const { browser, sdk } = load({ fetch: pending.fetch });
    browser.addPlacement("hero");
    void sdk.init({ key: KEY, autoPage: false });

    await vi.advanceTimersByTimeAsync(799);
    expect(antiFlickerStyles(browser)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(antiFlickerStyles(browser)).toEqual([]);
  });

  it("honours a custom timeout from init and from data-anti-flicker", async () => {
    const a = load({ fetch: pendingDecide().fetch }, (b) => b.addPlacement("hero"));
    void a.sdk.init({ key: KEY, antiFlicker: { timeout: 200 }, autoPage: false });
    const b = load(
      { fetch: pendingDecide().fetch, scriptData: { key: KEY, "anti-flicker": "300", "auto-page": "false" } },
      (br) => br.addPlacement("hero"),
    );

    await vi.advanceTimersByTimeAsync(200);
    expect(antiFlickerStyles(a.browser)).toEqual([]);
    expect(antiFlickerStyles(b.browser)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(antiFlickerStyles(b.browser)).toEqual([]);
  });

  it("hides nothing when turned off", async () => {
    const { browser, sdk } = load({ fetch: pendingDecide().fetch }, (b) => b.addPlacement("hero"));
    void sdk.init({ key: KEY, antiFlicker: false, autoPage: false });
    expect(antiFlickerStyles(browser)).toEqual([]);
  });
});

describe("events", () => {
  it("sends a page view on init and batches tracks, flushing after 2 s with keepalive", async () => {
    const { browser, sdk } = load();
    await sdk.init({ key: KEY });
    sdk.track("Product Viewed", { sku: "A1" });
    sdk.track("Product Added", { sku: "A1", price: 10 });

    await vi.advanceTimersByTimeAsync(1999);
    expect(browser.callsTo("/api/v1/batch")).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);

    const [call, ...more] = browser.callsTo("/api/v1/batch");
    expect(more).toEqual([]);
    expect(call!.url).toBe("https://app.example/api/v1/batch");
    expect(call!.init).toMatchObject({
      method: "POST",
      keepalive: true,
      headers: { "content-type": "text/plain;charset=UTF-8" },
    });
    const body = call!.body as BatchBody;
    expect(body.writeKey).toBe(KEY);
    expect(body.sentAt).toMatch(ISO);
    expect(body.batch.map((m) => [m.type, m.event ?? null])).toEqual([
      ["page", null],
      ["track", "Product Viewed"],
      ["track", "Product Added"],
    ]);
    expect(body.batch[2]!.properties).toEqual({ sku: "A1", price: 10 });
    expect(body.batch[0]!.properties).toMatchObject({ path: "/products/shoes", title: "Home" });
    expect(new Set(body.batch.map((m) => m.messageId)).size).toBe(3);
    for (const message of body.batch) {
      expect(message.messageId).toMatch(UUID);
      expect(message.timestamp).toMatch(ISO);
      expect(message.anonymousId).toBe(browser.document.cookies.get("pz_aid")!.value);
      expect(message.context).toMatchObject({
        path: "/products/shoes",
        locale: "fr-CH",
        page: {
          url: "https://shop.example/products/shoes?utm_source=news&utm_campaign=spring",
          path: "/products/shoes",
          referrer: "https://search.example/",
          title: "Home",
        },
      });
    }
  });

  it("reports a click inside a decided placement as Placement Clicked, with its variant, experience and link", async () => {
    const hero = { ...decision("html", "<a href='/sale'>Sale</a>", "v-sale"), experienceId: "exp-1" };
    const { browser, sdk } = load({
      fetch: decideAnswer({ hero, footer: { ...decision("text", "hi", "v-default"), experienceId: null } }),
    });
    const heroEl = browser.addPlacement("hero");
    const link = heroEl.appendChild(new FakeElement("A"));
    link.setAttribute("href", "/sale?coupon=secret#top");
    const mail = heroEl.appendChild(new FakeElement("a"));
    mail.setAttribute("href", "mailto:someone@example.com");
    const footerEl = browser.addPlacement("footer");
    const undecided = browser.addPlacement("undecided");
    await sdk.init({ key: KEY, autoPage: false });
    link.dispatchEvent(new FakeEvent("click", { bubbles: true }));
    mail.dispatchEvent(new FakeEvent("click", { bubbles: true }));
    // a click a script made (el.click()) is not the shopper's
    heroEl.dispatchEvent(Object.assign(new FakeEvent("click", { bubbles: true }), { isTrusted: false }));
    footerEl.dispatchEvent(new FakeEvent("click", { bubbles: true }));
    undecided.dispatchEvent(new FakeEvent("click", { bubbles: true })); // no decision: not reported
    browser.document.body.dispatchEvent(new FakeEvent("click", { bubbles: true }));
    sdk.flush();
    await vi.advanceTimersByTimeAsync(0);
    const sent = browser.callsTo("/api/v1/batch").flatMap((c) => (c.body as BatchBody).batch);
    expect(sent.map((m) => [m.event, m.properties])).toEqual([
      // the link's address without its query or fragment; a mailto: link is not an address to report
      [
        "Placement Clicked",
        { placement: "hero", variant_id: "v-sale", experience_id: "exp-1", href: "https://shop.example/sale" },
      ],
      ["Placement Clicked", { placement: "hero", variant_id: "v-sale", experience_id: "exp-1", href: null }],
      ["Placement Clicked", { placement: "footer", variant_id: "v-default", experience_id: null, href: null }],
    ]);
  });

  it("leaves a placement the server rendered decided to the server, and reports clicks on it", async () => {
    const { browser, sdk } = load({
      fetch: decideAnswer({ footer: decision("text", "hi"), "home-hero": decision("html", "<h2>Other</h2>") }),
    });
    const served = browser.addPlacement("home-hero", "<h2>From the server</h2>");
    served.setAttribute("data-decided", "server");
    served.setAttribute("data-variant-id", "v-server");
    browser.addPlacement("footer");
    await sdk.init({ key: KEY, autoPage: false });
    expect(browser.callsTo("/api/v1/decide")[0]!.body).toMatchObject({ placements: ["footer"] });
    expect(served.innerHTML).toBe("<h2>From the server</h2>");
    await sdk.decide(["home-hero"]); // asked for by name: still not overwritten
    expect(served.innerHTML).toBe("<h2>From the server</h2>");
    expect(served.getAttribute("data-variant-id")).toBe("v-server");
    served.dispatchEvent(new FakeEvent("click", { bubbles: true }));
    sdk.flush();
    await vi.advanceTimersByTimeAsync(0);
    const sent = browser.callsTo("/api/v1/batch").flatMap((c) => (c.body as BatchBody).batch);
    expect(sent.map((m) => m.properties)).toEqual([
      { placement: "home-hero", variant_id: "v-server", experience_id: null, href: null },
    ]);
  });

  it("reports no clicks when trackClicks is false", async () => {
    const { browser, sdk } = load({ fetch: decideAnswer({ hero: decision("text", "x") }) });
    const heroEl = browser.addPlacement("hero");
    await sdk.init({ key: KEY, autoPage: false, trackClicks: false });
    heroEl.dispatchEvent(new FakeEvent("click", { bubbles: true }));
    sdk.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(browser.callsTo("/api/v1/batch")).toHaveLength(0);
  });

  it("flushes at once when 20 messages are queued", async () => {
    const { browser, sdk } = load();
    await sdk.init({ key: KEY, autoPage: false });
    for (let i = 0; i < 19; i++) sdk.track(`Event ${i}`);
    expect(browser.callsTo("/api/v1/batch")).toHaveLength(0);
    sdk.track("Event 19");
    expect(batchBodies(browser).map((b) => b.batch.length)).toEqual([20]);

    sdk.track("Event 20");
    await vi.advanceTimersByTimeAsync(2000);
    expect(batchBodies(browser).map((b) => b.batch.length)).toEqual([20, 1]);
  });

  it("sends by sendBeacon, as a text/plain Blob with the writeKey, when the page is hidden", async () => {
    const { browser, sdk } = load();
    await sdk.init({ key: KEY, autoPage: false });
    sdk.track("Checkout Started");
    browser.hide();

    expect(browser.callsTo("/api/v1/batch")).toHaveLength(0);
    expect(browser.beacons).toHaveLength(1);
    const beacon = browser.beacons[0]!;
    expect(beacon.url).toBe("https://app.example/api/v1/batch");
    expect(beacon.data.type).toBe("text/plain;charset=utf-8"); // Blob lower-cases the type it is given
    const body = JSON.parse(await beacon.data.text()) as BatchBody;
    expect(body.writeKey).toBe(KEY);
    expect(body.batch.map((m) => m.event)).toEqual(["Checkout Started"]);

    await vi.advanceTimersByTimeAsync(5000);
    expect(browser.callsTo("/api/v1/batch")).toHaveLength(0); // the timer was cleared, nothing sent twice
  });

  it("sends by sendBeacon on pagehide, and by fetch keepalive when the beacon is refused", async () => {
    const { browser, sdk } = load({ beaconAccepted: false });
    await sdk.init({ key: KEY, autoPage: false });
    sdk.track("Left");
    browser.pagehide();
    expect(browser.beacons).toHaveLength(1);
    const [call] = browser.callsTo("/api/v1/batch");
    expect(call!.init.keepalive).toBe(true);
    expect((call!.body as BatchBody).batch.map((m) => m.event)).toEqual(["Left"]);
  });

  it("retries a batch the server could not take, with the same message ids", async () => {
    let answers = 0;
    const { browser, sdk } = load({
      fetch: () =>
        ++answers === 1 ? jsonResponse({ error: { code: "internal", message: "x" } }, 500) : jsonResponse({}),
    });
    await sdk.init({ key: KEY, autoPage: false });
    sdk.track("Once");
    await vi.advanceTimersByTimeAsync(2000);
    await vi.advanceTimersByTimeAsync(2000);
    const bodies = batchBodies(browser);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]!.batch[0]!.messageId).toBe(bodies[0]!.batch[0]!.messageId);
  });

  it("identify stores the user id, tags later messages and decisions, and calls nothing else", async () => {
    const { browser, sdk } = load({}, (b) => b.addPlacement("hero"));
    await sdk.init({ key: KEY, autoPage: false });
    const callsBefore = browser.fetchCalls.length;

    sdk.identify("user-42", { plan: "pro" });
    expect(browser.fetchCalls).toHaveLength(callsBefore);
    expect(browser.storage.get("pz_uid")).toBe("user-42");

    sdk.track("Upgraded");
    await sdk.decide();
    await vi.advanceTimersByTimeAsync(2000);
    const [identify, track] = batchBodies(browser)[0]!.batch;
    expect(identify).toMatchObject({ type: "identify", userId: "user-42", traits: { plan: "pro" } });
    expect(track).toMatchObject({ type: "track", userId: "user-42" });
    expect(browser.callsTo("/api/v1/decide").at(-1)!.body).toMatchObject({ userId: "user-42" });
  });

  it("sends the user id's signature with every decision and event, and keeps it beside the id", async () => {
    const hash = "a".repeat(64);
    const { browser, sdk } = load({}, (b) => b.addPlacement("hero"));
    await sdk.init({ key: KEY, autoPage: false });
    sdk.identify("user-42", {}, { userHash: hash });
    expect(browser.storage.get("pz_uh")).toBe(hash);
    sdk.track("Upgraded");
    await sdk.decide();
    await vi.advanceTimersByTimeAsync(2000);
    expect(batchBodies(browser)[0]!.batch.map((m) => m.userHash)).toEqual([hash, hash]);
    expect(browser.callsTo("/api/v1/decide").at(-1)!.body).toMatchObject({ userId: "user-42", userHash: hash });

    // another user without a signature does not inherit the first one's; reset forgets both
    sdk.identify("user-43");
    expect(browser.storage.get("pz_uh")).toBeUndefined();
    await sdk.decide();
    expect(browser.callsTo("/api/v1/decide").at(-1)!.body).not.toHaveProperty("userHash");
    sdk.identify("user-43", {}, { userHash: hash });
    sdk.reset();
    expect([browser.storage.get("pz_uid"), browser.storage.get("pz_uh")]).toEqual([undefined, undefined]);
  });

  it("takes the signed-in customer from init, and from the script tag", async () => {
    const hash = "b".repeat(64);
    const first = load({}, (b) => b.addPlacement("hero"));
    await first.sdk.init({ key: KEY, autoPage: false, userId: "user-9", userHash: hash });
    expect(first.browser.fetchCalls[0]!.body).toMatchObject({ userId: "user-9", userHash: hash });

    const tagged = load({ scriptData: { key: KEY, "user-id": "user-10", "user-hash": hash } }, (b) =>
      b.addPlacement("hero"),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(tagged.browser.callsTo("/api/v1/decide")[0]!.body).toMatchObject({ userId: "user-10", userHash: hash });
  });

  it("remembers the user id across page loads", async () => {
    const first = load();
    await first.sdk.init({ key: KEY, autoPage: false });
    first.sdk.identify("user-7");

    const { browser, sdk } = load({}, (b) => {
      b.storage.set("pz_uid", first.browser.storage.get("pz_uid")!);
      b.addPlacement("hero");
    });
    await sdk.init({ key: KEY, autoPage: false });
    expect(browser.fetchCalls[0]!.body).toMatchObject({ userId: "user-7" });
  });

  it("works without localStorage", async () => {
    const { browser, sdk } = load({ storageThrows: true });
    await sdk.init({ key: KEY, autoPage: false });
    sdk.identify("user-1");
    sdk.track("Still counted");
    await vi.advanceTimersByTimeAsync(2000);
    expect(batchBodies(browser)[0]!.batch.map((m) => m.userId)).toEqual(["user-1", "user-1"]);
  });
});

describe("loading", () => {
  it("initializes itself from the script tag's data attributes", async () => {
    const { browser } = load({ scriptData: { key: KEY, host: "https://api.example" } }, (b) => b.addPlacement("hero"));
    await vi.advanceTimersByTimeAsync(2000);
    expect(browser.fetchCalls.map((c) => c.url)).toEqual([
      "https://api.example/api/v1/decide",
      "https://api.example/api/v1/batch",
    ]);
    expect(batchBodies(browser)[0]!.batch.map((m) => m.type)).toEqual(["page"]);
  });

  it("replays calls pushed on the stub before the file loaded, in order", async () => {
    const { browser } = load({}, (b) => {
      b.window.personalize = [
        ["identify", "user-9"],
        ["track", "Early", { n: 1 }],
        ["init", { key: KEY, autoPage: false }],
      ];
    });
    (browser.window.personalize as { push(call: unknown[]): void }).push(["track", "After load"]);
    await vi.advanceTimersByTimeAsync(2000);
    const body = batchBodies(browser)[0]!;
    expect(body.writeKey).toBe(KEY);
    expect(body.batch.map((m) => [m.type, m.event ?? null, m.userId])).toEqual([
      ["identify", null, "user-9"],
      ["track", "Early", "user-9"],
      ["track", "After load", "user-9"],
    ]);
  });

  it("holds calls made before init until init runs", async () => {
    const { browser, sdk } = load({ fetch: decideAnswer({ hero: decision("text", "hi") }) });
    const early = sdk.decide(["hero"]);
    sdk.track("Before init");
    await vi.advanceTimersByTimeAsync(3000);
    expect(browser.fetchCalls).toHaveLength(0);

    await sdk.init({ key: KEY, autoPage: false, placements: [] });
    expect(await early).toMatchObject({ hero: { content: "hi" } });
    await vi.advanceTimersByTimeAsync(2000);
    expect(batchBodies(browser)[0]!.batch.map((m) => m.event)).toEqual(["Before init"]);
  });

  it("ignores a second copy of the file", async () => {
    const { browser, sdk } = load();
    browser.loadSdk();
    expect(browser.window.personalize).toBe(sdk);
  });
});
