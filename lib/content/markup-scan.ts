/**
 * One pass over an HTML template, reading its markup as a browser's
 * tokenizer would (`html-tokenizer.ts`) with the
 * Liquid parts in their places, so that the save checks can ask, for every
 * output, what it lands in (text, a `<script>`, a quoted or unquoted
 * attribute value, the inside of a tag) and, for every attribute of the
 * static markup, its name and value. The cost is one step per character
 * and per Liquid token (`steps`, held by a test): the checks look results up
 * instead of rescanning the template before each output. Pure.
 *
 * Liquid is read by liquidjs's own tokenizer (quotes inside `{{ "}}" }}`,
 * whitespace control `{%-` and raw blocks as the engine reads them). Every
 * branch of a conditional is read as if present, one after the other, and
 * tags other than outputs stand for no text, so `o{% if a %}{% endif %}nerror`
 * is the attribute `onerror`. Comment blocks are skipped.
 */
import { TypeGuards, Tokenizer, type TagToken } from "liquidjs";
import { engineFor } from "./engine";
import { HtmlTokenizer, type AttributeSite, type OutputSite } from "./html-tokenizer";

export type { AttributeSite, OutputContext, OutputSite } from "./html-tokenizer";

export type MarkupScan = { outputs: OutputSite[]; attributes: AttributeSite[]; steps: number };

/** Whether an attribute name is an event handler: `onclick`, `onerror`, … (not `data-onclick`). */
export const isEventHandler = (name: string) => name.startsWith("on");

/** Tags that write text where they stand; others (if, for, assign, …) write none themselves. */
const OUTPUT_TAGS = new Set(["echo", "cycle", "increment", "decrement"]);
const LIQUID_TAG_OUTPUT = /^\s*(?:echo|cycle|increment|decrement)\b/m;

function writesOutput(token: TagToken): boolean {
  return OUTPUT_TAGS.has(token.name) || (token.name === "liquid" && LIQUID_TAG_OUTPUT.test(token.args));
}

/**
 * Scans an HTML template that parses (checked before: `parseTemplate`):
 * every output with the context it lands in, and every attribute of the
 * static markup, in source order.
 */
export function scanMarkup(source: string): MarkupScan {
  const { options } = engineFor("html");
  const tokens = new Tokenizer(source, options.operators).readTopLevelTokens(options);
  const html = new HtmlTokenizer(source);
  let inComment = false;
  for (const token of tokens) {
    if (TypeGuards.isTagToken(token)) {
      if (inComment) inComment = token.name !== "endcomment";
      else if (token.name === "comment") inComment = true;
      else if (writesOutput(token)) html.output(token.begin);
      else html.silentTag();
    } else if (inComment) {
      continue;
    } else if (TypeGuards.isOutputToken(token)) {
      html.output(token.begin);
    } else if (TypeGuards.isHTMLToken(token)) {
      html.text(token.begin + token.trimLeft, token.end - token.trimRight);
    }
  }
  return { outputs: html.outputs, attributes: html.attributes, steps: html.steps };
}
