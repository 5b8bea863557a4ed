/**
 * Outputs that HTML escaping cannot make safe: inside `<script>` or
 * `<style>`, or inside an event-handler attribute (`onclick="…"`), a value
 * is read as code, and `&#39;` is a quote again by then. A template that
 * puts one there is refused at save, pointing at the output. Pure.
 */
import { positionAt } from "./positions";
import type { TemplateError } from "./types";

/** Parts of a template that are neither markup nor outputs: raw and comment blocks. */
const OPAQUE_BLOCK = /{%-?\s*(raw|comment)\s*-?%}[\s\S]*?{%-?\s*end\1\s*-?%}/g;
/** Liquid outputs and tags, which stand for text in the markup around them. */
const LIQUID = /{{[\s\S]*?}}|{%[\s\S]*?%}/g;
const OUTPUT = /{{/g;
/** The markup before an output ends inside an `on…=` attribute value (quoted or not) of an open tag. */
const IN_HANDLER = /<[a-zA-Z][^<>]*?\s(on[a-zA-Z]+)\s*=\s*(?:"[^"]*|'[^']*|[^\s"'>]*)$/;

/** The last `<script` or `<style` element still open at the end of `markup`, if any. */
function openRawElement(markup: string): string | null {
  const lower = markup.toLowerCase();
  for (const name of ["script", "style"]) {
    const opened = lower.lastIndexOf(`<${name}`);
    if (opened >= 0 && lower.indexOf(`</${name}`, opened) < 0 && /[\s>/]/.test(lower[opened + name.length + 1] ?? " "))
      return name;
  }
  return null;
}

export function scriptContextErrors(source: string): TemplateError[] {
  // blank what cannot hold markup or outputs, keeping every offset
  const blank = (text: string) => text.replace(/[^\n]/g, " ");
  const text = source.replace(OPAQUE_BLOCK, blank);
  const errors: TemplateError[] = [];
  for (const match of text.matchAll(OUTPUT)) {
    const at = match.index;
    // the markup before this output, with other liquid replaced by a neutral letter (it stands for some text)
    const markup = text.slice(0, at).replace(LIQUID, "x");
    const element = openRawElement(markup);
    const handler = IN_HANDLER.exec(markup)?.[1];
    if (!element && !handler) continue;
    const where = element ? `inside <${element}>` : `inside the event handler ${handler}="…"`;
    errors.push({
      ...positionAt(source, at),
      message: `An output ${where} would be read as code, where HTML escaping does not protect it; put the value in the page's text or a data- attribute instead`,
    });
  }
  return errors;
}
