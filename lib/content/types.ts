/** How a block's output is used, which decides how visitor data is escaped in it. */
export type ContentType = "html" | "text" | "json";

/** One problem in a template, at a 1-based position in its source. */
export type TemplateError = { line: number; column: number; message: string };

/**
 * What a template may read: nothing else. Plain JSON-like data (no functions,
 * no class instances): templates read own properties only.
 */
export type TemplateData = {
  /** The visitor's traits (first_name, city, ...); also readable by their bare name (`{{ first_name }}`). */
  traits: Record<string, unknown>;
  /** Values computed from events: orders, revenue, average_order_value, sessions, days_since_last_order, rfm_recency, ... */
  computed: Record<string, unknown>;
  /** The visit: url, path, referrer, country, device, locale, utm_source, now, ... */
  context: Record<string, unknown>;
};

/** A template parsed once, rendered many times. */
export type CompiledTemplate = {
  contentType: ContentType;
  /** Synchronous and never throws: on a runtime error (including a DoS limit) it returns "". */
  render(data: TemplateData): string;
  /** The output when it does not depend on the data (text without tags or outputs), else null. */
  literal: string | null;
};
