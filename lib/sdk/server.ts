/**
 * Server-side decisions for Next.js storefronts: the page renders the
 * personalized content itself, so there is nothing to hide or swap in the
 * browser. Runs on the server only; takes plain interfaces (Next's
 * `cookies()` and `Request`/`headers()` fit them), so it imports nothing but
 * the cookie's name and format, which it shares with the browser SDK.
 */
import {
  ANONYMOUS_ID_COOKIE,
  ANONYMOUS_ID_MAX_AGE_SECONDS as ONE_YEAR_SECONDS,
  ANONYMOUS_ID_PATTERN,
} from "./browser/constants";

/** The visitor's anonymous id; the same cookie the browser SDK (sdk.js) reads and writes. */
export { ANONYMOUS_ID_COOKIE };
const DEFAULT_TIMEOUT_MS = 300;
const UTM_FIELDS = ["source", "medium", "campaign", "term", "content"] as const;
/** Headers in which common CDNs and hosts pass the visitor's country. */
const COUNTRY_HEADERS = ["cf-ipcountry", "x-vercel-ip-country", "cloudfront-viewer-country"];

export type CookieJar = {
  get(name: string): string | undefined;
  set(
    name: string,
    value: string,
    options: { maxAge: number; path: string; sameSite: "lax"; secure?: boolean; httpOnly?: boolean },
  ): void;
};

export type ServerDecideOptions = {
  host: string;
  key: string;
  placements: string[];
  /** Flag experiments the page's code reads, by key: the answer's `experiments` holds each one's variation and value. */
  experiments?: string[];
  cookies: CookieJar;
  request: { url: string; headers: { get(name: string): string | null } };
  /** The signed-in customer's user id: with a client key it counts only when signed (`identitySecret` or `userHash`). */
  userId?: string;
  /** The workspace's identity secret (Settings → Identity), to sign userId with; keep it on the server. */
  identitySecret?: string;
  /** userId's signature made beforehand (`await signUserId(secret, userId)`), instead of `identitySecret`. */
  userHash?: string;
  traits?: Record<string, unknown>;
  /** Past this the page renders its defaults (default 300 ms). */
  timeoutMs?: number;
  fetch?: typeof fetch;
};

export type Decision = {
  variantId: string;
  experienceId: string | null;
  content: string;
  contentType: "html" | "text" | "json";
  reason: string;
};
export type Decisions = { [placement: string]: Decision };
/** An experiment's variation for this visitor, a flag's value (the control's outside the experiment), and whether they are in it. */
export type ExperimentAnswer = { variation: string; value: unknown; inExperiment: boolean };

export type DecideContext = {
  url: string;
  path: string;
  referrer: string;
  userAgent: string;
  locale: string;
  country?: string;
  utm?: Partial<Record<(typeof UTM_FIELDS)[number], string>>;
};

/**
 * The signature that makes a browser's user id count: HMAC-SHA256 of the
 * user id under the workspace's identity secret, in lower-case hex. Make it
 * on your server (never ship the secret to the browser) and hand it to the
 * page with the id: `personalize.identify(userId, traits, { userHash })`, or
 * `data-user-id` and `data-user-hash` on the script tag. Web Crypto, so it
 * runs in Node and edge runtimes alike.
 */
export async function signUserId(secret: string, userId: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const signature = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(userId)));
  let hex = "";
  for (const byte of signature) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/** A new anonymous id: a random UUID v4, the format sdk.js creates too. */
export function newAnonymousId(): string {
  return crypto.randomUUID();
}

/**
 * The visitor's `pz_aid`, created when missing or malformed. Not httpOnly, so
 * the browser SDK shares it. Next.js only lets a Server Component read
 * cookies; call this from middleware (`proxy.ts`), a route handler or a server
 * action to persist a new id. Where setting throws, the id is used for this
 * request only.
 */
export function ensureAnonymousId(cookies: CookieJar, secure: boolean): string {
  const existing = cookies.get(ANONYMOUS_ID_COOKIE);
  if (existing && ANONYMOUS_ID_PATTERN.test(existing)) return existing;
  const id = newAnonymousId();
  try {
    cookies.set(ANONYMOUS_ID_COOKIE, id, {
      maxAge: ONE_YEAR_SECONDS,
      path: "/",
      sameSite: "lax",
      secure,
      httpOnly: false,
    });
  } catch {
    // Read-only cookie store (a Server Component render).
  }
  return id;
}

/** What the decide API is told about this page view, from the incoming request. */
export function contextFromRequest(request: ServerDecideOptions["request"]): DecideContext {
  const url = new URL(request.url);
  const context: DecideContext = {
    url: url.href,
    path: url.pathname,
    referrer: request.headers.get("referer") ?? "",
    userAgent: request.headers.get("user-agent") ?? "",
    locale: preferredLocale(request.headers.get("accept-language")),
  };
  const country = COUNTRY_HEADERS.map((name) => request.headers.get(name)?.trim().toUpperCase()).find(
    (c) => c && /^[A-Z]{2}$/.test(c) && c !== "XX",
  );
  if (country) context.country = country;
  const utm: DecideContext["utm"] = {};
  for (const field of UTM_FIELDS) {
    const value = url.searchParams.get(`utm_${field}`);
    if (value) utm[field] = value;
  }
  if (Object.keys(utm).length > 0) context.utm = utm;
  return context;
}

/** The highest-weighted tag of an Accept-Language header ("" when none). */
export function preferredLocale(acceptLanguage: string | null): string {
  let best = { tag: "", q: 0 };
  for (const part of (acceptLanguage ?? "").split(",")) {
    const [tag = "", ...params] = part.trim().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (tag && tag !== "*" && q > best.q) best = { tag, q };
  }
  return best.tag;
}

function isSecure(request: ServerDecideOptions["request"]): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded ?? new URL(request.url).protocol.replace(":", "")) === "https";
}

/** `profileId` only with a server key (a client key's answer names no profile). */
type ServerDecisions = {
  anonymousId: string;
  profileId: string | null;
  decisions: Decisions;
  /** The experiments that decided content here, and the flags asked for, by key (empty on an error or timeout). */
  experiments: { [key: string]: ExperimentAnswer };
};

/**
 * Asks the decide API what each placement shows this visitor. Resolves with
 * empty decisions (the page renders its defaults) on any error or after
 * `timeoutMs`, even when the fetch ignores its abort signal; never throws.
 *
 * With Next's cookie store: `cookies: { get: (n) => store.get(n)?.value, set: (n, v, o) => store.set(n, v, o) }`.
 */
export async function decideOnServer(options: ServerDecideOptions): Promise<ServerDecisions> {
  let anonymousId: string;
  let fresh = true; // an id created for this request has no history: the API need not look it up
  try {
    const existing = options.cookies.get(ANONYMOUS_ID_COOKIE);
    fresh = !(existing && ANONYMOUS_ID_PATTERN.test(existing));
    anonymousId = ensureAnonymousId(options.cookies, isSecure(options.request));
  } catch {
    anonymousId = newAnonymousId(); // unreadable cookies or request URL
  }
  const defaults: ServerDecisions = { anonymousId, profileId: null, decisions: {}, experiments: {} };
  if (options.placements.length === 0 && !options.experiments?.length) return defaults;

  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<ServerDecisions>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(defaults);
    }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  });
  try {
    return await Promise.race([requestDecisions(options, anonymousId, fresh, controller.signal), timeout]);
  } catch {
    return defaults; // network error, abort, error answer, bad JSON
  } finally {
    clearTimeout(timer);
  }
}

async function requestDecisions(
  options: ServerDecideOptions,
  anonymousId: string,
  fresh: boolean,
  signal: AbortSignal,
): Promise<ServerDecisions> {
  const userHash =
    options.userId &&
    (options.userHash ?? (options.identitySecret && (await signUserId(options.identitySecret, options.userId))));
  const body = {
    anonymousId,
    ...(fresh && !options.userId ? { newVisitor: true } : {}),
    ...(options.userId ? { userId: options.userId } : {}),
    ...(userHash ? { userHash } : {}),
    context: contextFromRequest(options.request),
    placements: options.placements,
    ...(options.experiments?.length ? { experiments: options.experiments } : {}),
    ...(options.traits ? { traits: options.traits } : {}),
  };
  const response = await (options.fetch ?? fetch)(`${options.host.replace(/\/+$/, "")}/api/v1/decide`, {
    method: "POST",
    headers: { authorization: `Bearer ${options.key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
    signal,
    cache: "no-store",
  });
  if (!response.ok) throw new Error(`decide answered ${response.status}`);
  const json = (await response.json()) as { profileId?: unknown; decisions?: unknown; experiments?: unknown };
  const isRecord = (v: unknown): v is Record<string, never> => !!v && typeof v === "object" && !Array.isArray(v);
  return {
    anonymousId,
    profileId: typeof json.profileId === "string" ? json.profileId : null,
    decisions: isRecord(json.decisions) ? (json.decisions as Decisions) : {},
    experiments: isRecord(json.experiments) ? (json.experiments as ServerDecisions["experiments"]) : {},
  };
}
