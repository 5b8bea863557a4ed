import type { Context, Liquid, Token } from "liquidjs";
import { TemplateCheckError } from "./errors";
import { toJsonValue } from "./json-escape";
import { currencyFormatter, formatMoney } from "./money";
import type { ContentType } from "./types";

/** What liquidjs binds `this` to in a filter (the parts we use). */
type FilterThis = { context: Context; token: Token };

/**
 * Register of a render that checks a template at save time: filters then
 * throw on mistakes in the template itself (an unknown currency code) that
 * at run time they quietly render as nothing.
 */
export const CHECKING_REGISTER = "lib/content:checking";

function isChecking(context: Context): boolean {
  return context.getRegister<boolean | undefined>(CHECKING_REGISTER) === true;
}

/** `{{ computed.revenue | money }}` → "$249.50"; `{{ 1234.5 | money: "EUR" }}` → "€1,234.50"; not a number → "". */
function money(this: FilterThis, value: unknown, currency?: unknown): string {
  const code = currency ?? "USD";
  if (currencyFormatter(code) === null) {
    if (isChecking(this.context)) {
      throw new TemplateCheckError(
        `Unknown currency '${String(code)}' in filter 'money' (use a code such as "USD" or "EUR")`,
        this.token.begin,
      );
    }
    return "";
  }
  return formatMoney(value, code);
}

/** `raw` may not bypass escaping: here it returns its input, and the output is escaped like any other. */
function raw(value: unknown): unknown {
  return value;
}

/** The `json` filter of JSON content: a whole JSON value, written as is (it escapes itself). */
function jsonValue(this: FilterThis, value: unknown): string {
  const json = toJsonValue(value);
  this.context.memoryLimit.use(json.length);
  return json;
}

/**
 * Filters that escape for HTML themselves: marked `raw` in HTML content so
 * that `{{ name | escape }}` is escaped once, not twice. Safe, because their
 * result never holds markup whatever their input.
 */
const HTML_SELF_ESCAPING = ["escape", "escape_once", "xml_escape"];

/**
 * Our filters on one engine: `money` everywhere, a `raw` that escapes like
 * any output, and per content type the filters that do their own escaping.
 * liquidjs's other built-ins (`default`, `upcase`, `downcase`, `capitalize`,
 * `truncate`, `date`, ...) stay as they are.
 */
export function registerContentFilters(liquid: Liquid, contentType: ContentType): void {
  liquid.registerFilter("money", money);
  liquid.registerFilter("raw", raw);
  if (contentType === "html") {
    for (const name of HTML_SELF_ESCAPING) {
      const builtin = liquid.filters[name];
      const handler = typeof builtin === "function" ? builtin : builtin?.handler;
      if (handler) liquid.registerFilter(name, { handler, raw: true });
    }
  }
  if (contentType === "json") {
    liquid.registerFilter("json", { handler: jsonValue, raw: true });
    liquid.registerFilter("jsonify", { handler: jsonValue, raw: true });
  }
}
