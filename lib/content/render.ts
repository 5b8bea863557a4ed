import { Context } from "liquidjs";
import { engineFor } from "./engine";
import { CHECKING_REGISTER } from "./filters";
import type { ParsedTemplate } from "./parse";
import { renderScope } from "./scope";
import type { TemplateData } from "./types";

/**
 * Renders a parsed template, synchronously; throws what liquidjs throws
 * (a DoS limit, a filter given the wrong arguments). `checking` is a save-time
 * render: our filters then also throw on mistakes they forgive at run time.
 */
export function renderParsed(parsed: ParsedTemplate, data: TemplateData, options: { checking?: boolean } = {}): string {
  const engine = engineFor(parsed.contentType);
  const { environment, globals } = renderScope(data);
  if (!options.checking) return String(engine.renderSync(parsed.templates, environment, { globals }));
  const context = new Context(environment, engine.options, { sync: true, globals }, { liquid: engine });
  context.setRegister(CHECKING_REGISTER, true);
  return String(engine.renderSync(parsed.templates, context));
}
