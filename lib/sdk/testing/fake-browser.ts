import vm from "node:vm";
import { bundleSdkSync } from "../bundle";

/**
 * The smallest browser that the SDK bundle (/sdk.js) needs, for unit tests
 * without jsdom: elements with attributes and events, a document with a cookie jar,
 * localStorage, location, navigator.sendBeacon and fetch that record calls.
 * Timers delegate to the test realm's, so vi.useFakeTimers() drives them.
 */

type Listener = (event: FakeEvent) => void;

export class FakeEvent {
  target: FakeEventTarget | null = null;
  readonly bubbles: boolean;
  readonly detail: unknown;
  constructor(
    readonly type: string,
    init: { bubbles?: boolean; detail?: unknown } = {},
  ) {
    this.bubbles = init.bubbles ?? false;
    this.detail = init.detail ?? null;
  }
}

export class FakeEventTarget {
  parentNode: FakeEventTarget | null = null;
  private listeners = new Map<string, Listener[]>();

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.listeners.set(
      type,
      (this.listeners.get(type) ?? []).filter((l) => l !== listener),
    );
  }

  dispatchEvent(event: FakeEvent): boolean {
    event.target ??= this;
    for (const listener of this.listeners.get(event.type) ?? []) listener(event);
    if (event.bubbles && this.parentNode) this.parentNode.dispatchEvent(event);
    return true;
  }
}

export class FakeElement extends FakeEventTarget {
  readonly attributes = new Map<string, string>();
  readonly children: FakeElement[] = [];
  innerHTML = "";
  textContent = "";
  personalizeData?: unknown;

  constructor(readonly tagName: string) {
    super();
  }

  get src(): string {
    return this.attributes.get("src") ?? "";
  }

  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }

  setAttribute(name: string, value: string): void {
    this.attributes.set(name, String(value));
  }

  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }

  appendChild<T extends FakeElement>(child: T): T {
    child.parentNode = this;
    this.children.push(child);
    return child;
  }

  removeChild<T extends FakeElement>(child: T): T {
    const i = this.children.indexOf(child);
    if (i < 0) throw new Error("not a child");
    this.children.splice(i, 1);
    child.parentNode = null;
    return child;
  }

  /** This element and its descendants, in document order. */
  *walk(): Generator<FakeElement> {
    yield this;
    for (const child of this.children) yield* child.walk();
  }
}

/** A cookie as the document stored it, with the attributes it was written with. */
export type StoredCookie = { value: string; attributes: string[] };

export class FakeDocument extends FakeEventTarget {
  readonly documentElement = new FakeElement("html");
  readonly head = this.documentElement.appendChild(new FakeElement("head"));
  readonly body = this.documentElement.appendChild(new FakeElement("body"));
  readonly cookies = new Map<string, StoredCookie>();
  /** Every string assigned to document.cookie, in order. */
  readonly cookieWrites: string[] = [];
  readyState: "loading" | "interactive" | "complete" = "complete";
  visibilityState: "visible" | "hidden" = "visible";
  title = "Home";
  referrer = "";
  currentScript: FakeElement | null = null;

  constructor() {
    super();
    this.documentElement.parentNode = this;
  }

  get cookie(): string {
    return [...this.cookies].map(([name, c]) => `${name}=${c.value}`).join("; ");
  }

  set cookie(written: string) {
    this.cookieWrites.push(written);
    const [pair = "", ...attributes] = written.split(/;\s*/);
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq);
    if (attributes.some((a) => /^max-age=0$/i.test(a))) this.cookies.delete(name);
    else this.cookies.set(name, { value: pair.slice(eq + 1), attributes });
  }

  createElement(tagName: string): FakeElement {
    return new FakeElement(tagName);
  }

  /** Supports `tag`, `[attr]` and `[attr="value"]`: all the SDK asks for. */
  querySelectorAll(selector: string): FakeElement[] {
    const attribute = /^\[([\w-]+)(?:="([^"]*)")?\]$/.exec(selector);
    if (!attribute && !/^[a-z]+$/.test(selector)) throw new Error(`fake querySelectorAll does not support ${selector}`);
    const matches = (el: FakeElement) =>
      attribute
        ? el.attributes.has(attribute[1]!) &&
          (attribute[2] === undefined || el.getAttribute(attribute[1]!) === attribute[2])
        : el.tagName === selector;
    return [...this.documentElement.walk()].filter(matches);
  }
}

export type RecordedFetch = { url: string; init: RequestInit & { keepalive?: boolean }; body: unknown };
export type RecordedBeacon = { url: string; data: Blob };
type FetchHandler = (url: string, init: RequestInit) => Promise<Response> | Response;

export type FakeBrowserOptions = {
  url?: string;
  scriptSrc?: string;
  scriptData?: Record<string, string>;
  /** Cookies the visitor already has. */
  cookies?: Record<string, string>;
  userAgent?: string;
  language?: string;
  referrer?: string;
  /** Answers each fetch; defaults to 200 `{}`. */
  fetch?: FetchHandler;
  /** What sendBeacon returns; false makes the SDK fall back to fetch. */
  beaconAccepted?: boolean;
  withoutBeacon?: boolean;
  /** Storage that throws, as in some private modes. */
  storageThrows?: boolean;
  /** The tab's sessionStorage: pass the map of an earlier page to play a next page of the same tab. */
  sessionStorage?: Map<string, string>;
};

export type FakeBrowser = ReturnType<typeof createFakeBrowser>;

/** A JSON response, as the API gives. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

export function createFakeBrowser(options: FakeBrowserOptions = {}) {
  const document = new FakeDocument();
  const location = new URL(options.url ?? "https://shop.example/products/shoes?utm_source=news&utm_campaign=spring");
  document.referrer = options.referrer ?? "https://search.example/";
  for (const [name, value] of Object.entries(options.cookies ?? {}))
    document.cookies.set(name, { value, attributes: [] });

  const script = document.head.appendChild(new FakeElement("script"));
  script.setAttribute("src", options.scriptSrc ?? "https://app.example/sdk.js");
  for (const [name, value] of Object.entries(options.scriptData ?? {})) script.setAttribute(`data-${name}`, value);
  document.currentScript = script;

  const fetchCalls: RecordedFetch[] = [];
  const beacons: RecordedBeacon[] = [];
  const storage = new Map<string, string>();
  const session = options.sessionStorage ?? new Map<string, string>();
  const consoleWarnings: string[] = [];
  const handler: FetchHandler = options.fetch ?? (() => jsonResponse({}));

  const storageMethod =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      if (options.storageThrows) throw new Error("SecurityError: storage is disabled");
      return fn(...args);
    };

  const windowEvents = new FakeEventTarget();
  const window: Record<string, unknown> = {
    document,
    location: {
      href: location.href,
      pathname: location.pathname,
      search: location.search,
      protocol: location.protocol,
      origin: location.origin,
    },
    navigator: {
      userAgent: options.userAgent ?? "FakeBrowser/1.0",
      language: options.language ?? "fr-CH",
      sendBeacon: options.withoutBeacon
        ? undefined
        : (url: string, data: Blob) => {
            beacons.push({ url, data });
            return options.beaconAccepted ?? true;
          },
    },
    localStorage: {
      getItem: storageMethod((key: string) => storage.get(key) ?? null),
      setItem: storageMethod((key: string, value: string) => void storage.set(key, String(value))),
      removeItem: storageMethod((key: string) => void storage.delete(key)),
    },
    sessionStorage: {
      getItem: storageMethod((key: string) => session.get(key) ?? null),
      setItem: storageMethod((key: string, value: string) => void session.set(key, String(value))),
      removeItem: storageMethod((key: string) => void session.delete(key)),
    },
    fetch: async (url: string, init: RequestInit = {}) => {
      fetchCalls.push({ url, init, body: typeof init.body === "string" ? JSON.parse(init.body) : init.body });
      return handler(url, init);
    },
    addEventListener: windowEvents.addEventListener.bind(windowEvents),
    removeEventListener: windowEvents.removeEventListener.bind(windowEvents),
    dispatchEvent: windowEvents.dispatchEvent.bind(windowEvents),
    CustomEvent: FakeEvent,
    Blob,
    URL,
    URLSearchParams,
    crypto: globalThis.crypto,
    console: { ...console, warn: (message: string) => void consoleWarnings.push(message) },
    // Looked up at call time, so vi.useFakeTimers() after creation still applies.
    setTimeout: (fn: () => void, ms?: number) => setTimeout(fn, ms),
    clearTimeout: (id?: ReturnType<typeof setTimeout>) => clearTimeout(id),
  };
  window.window = window;
  const context = vm.createContext(window);

  return {
    window,
    document,
    script,
    fetchCalls,
    beacons,
    storage,
    session,
    consoleWarnings,
    /** Runs the SDK bundle in this browser, as a script tag would. */
    loadSdk(source = readSdkSource()) {
      vm.runInContext(source, context, { filename: "sdk.js" });
    },
    /** Adds `<tag data-placement="key">` with default markup to the body. */
    addPlacement(key: string, defaultHtml = "default", tag = "div") {
      const element = document.body.appendChild(new FakeElement(tag));
      element.setAttribute("data-placement", key);
      element.innerHTML = defaultHtml;
      element.textContent = defaultHtml;
      return element;
    },
    hide() {
      document.visibilityState = "hidden";
      document.dispatchEvent(new FakeEvent("visibilitychange"));
    },
    pagehide() {
      windowEvents.dispatchEvent(new FakeEvent("pagehide"));
    },
    /** The calls to one API path, e.g. "/api/v1/batch". */
    callsTo(apiPath: string) {
      return fetchCalls.filter((call) => new URL(call.url).pathname === apiPath);
    },
  };
}

let sdkSource: string | undefined;

/**
 * The SDK as /sdk.js serves it, bundled from lib/sdk/browser/ in memory (once
 * per test file) rather than read from public/sdk.js, which may be stale.
 */
export function readSdkSource(): string {
  return (sdkSource ??= bundleSdkSync());
}
