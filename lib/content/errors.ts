import { LiquidError, type LiquidErrors, type Token } from "liquidjs";
import { TEMPLATE_LIMITS } from "./limits";
import { positionAt } from "./positions";
import type { TemplateError } from "./types";

/**
 * An error raised by our own filters while a template is checked, pointing at
 * an exact offset in the source (liquidjs would point at the whole output).
 */
export class TemplateCheckError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = "TemplateCheckError";
  }
}

/** liquidjs appends `, line:2, col:5` (and a file) to its messages; we report positions apart. */
const POSITION_SUFFIX = /(, file:.*?)?, line:\d+, col:\d+$/;

/** A short excerpt of template text for a message. */
function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
}

/** liquidjs's message → what a marketer reads. The first matching rule wins; unknown messages are kept, capitalized. */
const MESSAGES: [RegExp, (...groups: string[]) => string][] = [
  [/^undefined filter: (.+)$/, (name) => `Unknown filter '${name}'`],
  [/^tag "(end(\w+))" not found$/, (tag, opener) => `Tag '${tag}' has no opening '${opener}'`],
  [/^tag "(else|elsif)" not found$/, (tag) => `Tag '${tag}' is outside of an 'if', 'unless', 'case' or 'for'`],
  [/^tag "when" not found$/, () => "Tag 'when' is outside of a 'case'"],
  [/^tag "(.+)" not found$/, (tag) => `Unknown tag '${tag}'`],
  [/^tag \{%-?\s*(\w+)[\s\S]*%\} not closed$/, (tag) => `Tag '${tag}' was not closed`],
  [/^tag "[\s\S]*" not closed$/, () => "Tag is missing its closing '%}'"],
  [/^output "[\s\S]*" not closed$/, () => "Output is missing its closing '}}'"],
  [/^raw "[\s\S]*" not closed$/, () => "Tag 'raw' was not closed"],
  [/^illegal tag: \{%-?\s*(\w+)([\s\S]*)$/, (tag, rest) => `Tag '${tag}' is not valid: {% ${excerpt(tag + rest)}`],
  [/^illegal tag syntax, tag name expected$/, () => "A tag name is expected after '{%'"],
  [/^invalid value expression: ""$/, () => "A value is expected here"],
  [/^invalid value expression: "([\s\S]*)"$/, (text) => `Not a valid value: ${excerpt(text)}`],
  [/^unexpected token ([\s\S]*), value expected$/, (text) => `A value is expected here, not ${excerpt(text)}`],
  [/^expected ":" after filter name$/, () => "Expected ':' after the filter name"],
  [/^expected filter name$/, () => "Expected a filter name after '|'"],
  [/^expected variable name$/, () => "Expected a variable name"],
  [/^invalid capture name$/, () => "Expected a variable name after 'capture'"],
  [/^duplicated else$/, () => "Tag 'else' appears twice in the same block"],
  [/^unexpected elsif after else$/, () => "Tag 'elsif' comes after 'else'"],
  [/^empty candidates: [\s\S]*$/, () => "Tag 'cycle' needs at least one value"],
  [
    /^(\w+) expect (\d+) arguments$/,
    (name, count) => `Filter '${name}' takes ${Number(count) - 1} argument${count === "2" ? "" : "s"}`,
  ],
  [/^memory alloc limit exceeded$/, () => "The template builds too much text or too large a loop range"],
  [
    /^template render limit exceeded$/,
    () => `The template takes too long to render (over ${TEMPLATE_LIMITS.renderMs} ms): is a loop too large?`,
  ],
  [
    /^parse length limit exceeded$/,
    () => `The template is too long (at most ${TEMPLATE_LIMITS.sourceLength.toLocaleString("en-US")} characters)`,
  ],
];

/** A raw liquidjs (or JavaScript) message as a short sentence a marketer can act on. */
export function readableMessage(raw: string): string {
  const message = raw.replace(POSITION_SUFFIX, "").trim();
  for (const [pattern, say] of MESSAGES) {
    const match = pattern.exec(message);
    if (match) return say(...match.slice(1));
  }
  return message ? message.charAt(0).toUpperCase() + message.slice(1) : "The template could not be read";
}

function rawMessage(error: LiquidError): string {
  return error.originalError?.message ?? error.message;
}

/** Where an error is: our own exact offset, the filter name of an unknown filter, else the token's start. */
function errorOffset(error: LiquidError, token: Token, raw: string): number {
  if (error.originalError instanceof TemplateCheckError) return error.originalError.offset;
  const filter = /^undefined filter: (.+)$/.exec(raw)?.[1];
  if (filter) {
    const text = token.input.slice(token.begin, token.end);
    const escaped = filter.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const at = new RegExp(`\\|\\s*(${escaped})(?![\\w-])`).exec(text);
    if (at) return token.begin + at.index + at[0].length - filter.length;
  }
  return token.begin;
}

function fromLiquidError(error: LiquidError): TemplateError {
  const raw = rawMessage(error);
  const token = error.token as Token | undefined;
  if (!token || typeof token.input !== "string") return { line: 1, column: 1, message: readableMessage(raw) };
  return { ...positionAt(token.input, errorOffset(error, token, raw)), message: readableMessage(raw) };
}

/**
 * Errors of tags that close or continue a block (`endif`, `else`, `when`)
 * are, after a first error, only its echo: the block they belonged to was
 * abandoned. They are left out so that each error reported is a real one.
 */
const CASCADE = /^tag "(end\w*|else|elsif|when)" not found$/;

function isLiquidErrors(error: LiquidError): error is LiquidErrors {
  return error.name === "LiquidErrors" && Array.isArray((error as LiquidErrors).errors);
}

/**
 * Whatever liquidjs (or a filter) threw, as positioned, readable errors: all
 * of them when liquidjs collected several (`catchAllErrors`), in source order.
 */
export function toTemplateErrors(error: unknown): TemplateError[] {
  if (!LiquidError.is(error)) {
    const raw = error instanceof Error ? error.message : "";
    return [{ line: 1, column: 1, message: readableMessage(raw) }];
  }
  if (!isLiquidErrors(error)) return [fromLiquidError(error)];
  const kept = error.errors.filter((e, i) => i === 0 || !CASCADE.test(rawMessage(e)));
  return kept.map(fromLiquidError);
}
