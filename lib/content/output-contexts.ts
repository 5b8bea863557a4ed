/**
 * Outputs that HTML escaping cannot make safe. Inside `<script>` or
 * `<style>`, or inside an event-handler attribute (`onclick="…"`), a value
 * is read as code, and `&#39;` is a quote again by then. Inside a tag but
 * outside a quoted attribute value (`<div title={{ x }}>`, `<div {{ x }}>`),
 * a space ends the value, so a trait such as
 * `x onmouseover=alert(1) autofocus onfocus=alert(1)` writes attributes of
 * its own; escaping leaves spaces and `=` alone. A template that puts an
 * output there is refused at save, pointing at the output. Pure.
 */
import { isEventHandler, type MarkupScan, type OutputContext } from "./markup-scan";

/** A problem at an offset of the template. */
export type MarkupError = { offset: number; message: string };

const AS_CODE = (where: string) =>
  `An output ${where} would be read as code, where HTML escaping does not protect it; put the value in the page's text or a data- attribute instead`;

/** What is wrong with an output here, or null when escaping protects it. */
function problem(context: OutputContext): string | null {
  switch (context.kind) {
    case "text":
      return null;
    case "code":
      return AS_CODE(`inside <${context.element}>`);
    case "quoted":
    case "unquoted":
      if (isEventHandler(context.attribute)) return AS_CODE(`inside the event handler ${context.attribute}="…"`);
      if (context.kind === "quoted") return null;
      return `An output inside an unquoted attribute value can add attributes: quote the value (${context.attribute || "title"}="{{ … }}")`;
    case "tag":
      return `An output inside a tag, outside a quoted attribute value, can add attributes: put it in a quoted value (title="{{ … }}") or in the text`;
  }
}

/** Every output of a scanned HTML template that escaping does not protect, in source order. */
export function outputContextErrors(scan: MarkupScan): MarkupError[] {
  const errors: MarkupError[] = [];
  for (const { offset, context } of scan.outputs) {
    const message = problem(context);
    if (message) errors.push({ offset, message });
  }
  return errors;
}
