// The shapes the SDK exchanges with the page and with the API.

export type Properties = Record<string, unknown>;

/** One placement's decision, as /api/v1/decide answers it. */
export type Decision = {
  variantId: string;
  experienceId: string | null;
  content: string;
  contentType: "html" | "text" | "json";
  reason: string;
};

/** Decisions by placement key. */
export type Decisions = Record<string, Decision>;

/** An experiment as the decide API answers it: the variation's key, a flag's value, and whether the visitor is in it. */
export type ExperimentAnswer = { variation: string; value: unknown; inExperiment: boolean };

export type InitOptions = {
  /** A client key (ck_...). */
  key: string;
  /** Where events go (and decisions, without decideHost); defaults to the script's origin, else the page's. */
  host?: string;
  /** Where decisions are asked for, e.g. a decision server. */
  decideHost?: string;
  /** Hides the placements until decided, at most `timeout` ms (800 by default); false for never. */
  antiFlicker?: { timeout?: number } | false;
  /** Sends a page view on init (default true). */
  autoPage?: boolean;
  /** Reports a click in a decided [data-placement] element as a "Placement Clicked" event (default true). */
  trackClicks?: boolean;
  /** The placements the first decide asks for; by default every [data-placement] on the page. */
  placements?: string | string[];
  /** The signed-in customer, as your server knows them: their user id and its userHash (HMAC-SHA256 under the identity secret). */
  userId?: string;
  userHash?: string;
};

/** Where requests go and with which key, fixed by init. */
export type Config = { key: string; host: string; decideHost: string };

/** What the decide and batch APIs are told about a page view. */
export type PageContext = {
  url: string;
  path: string;
  referrer: string;
  userAgent: string;
  locale: string;
  utm?: Record<string, string>;
};
