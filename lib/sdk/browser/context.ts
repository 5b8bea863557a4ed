import type { PageContext } from "./types";

const UTM = ["source", "medium", "campaign", "term", "content"];

/** What the decide and batch APIs are told about this page view. */
export function pageContext(): PageContext {
  const loc = window.location;
  const nav = window.navigator;
  const context: PageContext = {
    url: loc.href,
    path: loc.pathname,
    referrer: document.referrer || "",
    userAgent: nav.userAgent || "",
    locale: nav.language || "",
  };
  const params = new URLSearchParams(loc.search);
  const utm: Record<string, string> = {};
  let found = false;
  UTM.forEach((name) => {
    const value = params.get("utm_" + name);
    if (value) {
      utm[name] = value;
      found = true;
    }
  });
  if (found) context.utm = utm;
  return context;
}
