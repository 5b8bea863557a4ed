import { Liquid, type LiquidOptions } from "liquidjs";
import { disallowTags } from "./disallowed-tags";
import { registerContentFilters } from "./filters";
import { escapeJsonString } from "./json-escape";
import { TEMPLATE_LIMITS } from "./limits";
import type { ContentType } from "./types";

/** How each content type escapes its outputs: HTML entities, nothing, or the inside of a JSON string. */
const OUTPUT_ESCAPE: Record<ContentType, LiquidOptions["outputEscape"]> = {
  html: "escape",
  text: undefined,
  json: escapeJsonString,
};

/**
 * The sandbox every template runs in. Unknown filters fail at parse time;
 * only own properties of the data are readable (no `constructor`, no
 * `__proto__`); no globals; an empty in-memory file system (and the tags that
 * would read it refused); missing variables are empty, so `default` works;
 * dates in UTC (or the offset a date carries) in English; DoS limits.
 */
function engineOptions(contentType: ContentType): LiquidOptions {
  return {
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    templates: {},
    globals: Object.freeze(Object.create(null)),
    jsTruthy: false,
    timezoneOffset: 0,
    preserveTimezones: true,
    locale: "en-US",
    outputEscape: OUTPUT_ESCAPE[contentType],
    parseLimit: TEMPLATE_LIMITS.sourceLength,
    renderLimit: TEMPLATE_LIMITS.renderMs,
    memoryLimit: TEMPLATE_LIMITS.memory,
  };
}

/** Touches what a first render pays for once (Intl data, liquidjs's code paths), with no time limit. */
const WARM_UP = `{{ t | default: "x" | upcase | capitalize | truncate: 3 }}{{ n | money }}{{ n | money: "EUR" }}{{ d | date: "%b %d" }}{% for i in (1..2) %}{% if i > 1 %}{{ i }}{% endif %}{% endfor %}`;

/**
 * A first render costs tens of milliseconds (ICU data, JIT), enough to trip
 * the render time limit and make a visitor's first render empty; a warm-up
 * render when the engine is made pays that instead.
 */
function warmUp(liquid: Liquid): void {
  try {
    liquid.parseAndRenderSync(WARM_UP, { t: "ab", n: 1.5, d: "2026-01-01T00:00:00Z" }, { renderLimit: Infinity });
  } catch {
    // Only a warm-up: a failure here changes nothing for real renders.
  }
}

function createEngine(contentType: ContentType, options: LiquidOptions = {}): Liquid {
  const liquid = new Liquid({ ...engineOptions(contentType), ...options });
  disallowTags(liquid);
  registerContentFilters(liquid, contentType);
  warmUp(liquid);
  return liquid;
}

const engines = new Map<ContentType, Liquid>();
let linter: Liquid | undefined;

/** The one shared engine of a content type (created on first use). */
export function engineFor(contentType: ContentType): Liquid {
  let engine = engines.get(contentType);
  if (!engine) {
    engine = createEngine(contentType);
    engines.set(contentType, engine);
  }
  return engine;
}

/**
 * An engine that only parses, collecting every error of a template instead
 * of stopping at the first (`catchAllErrors`). Tags and filter names are the
 * same for every content type, so one serves them all.
 */
export function lintEngine(): Liquid {
  linter ??= createEngine("text", { catchAllErrors: true });
  return linter;
}
