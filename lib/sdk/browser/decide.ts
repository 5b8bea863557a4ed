// Deciding: ask /api/v1/decide what each placement shows this visitor, then
// render it. A failure resolves {} and leaves the default markup in place.
import { unhide } from "./anti-flicker";
import { config, post } from "./config";
import { pageContext } from "./context";
import { anonymousId, freshId, userHash, userId } from "./ids";
import { warn } from "./log";
import { previewToken } from "./preview";
import { apply, placementElements } from "./render";
import type { Decisions, ExperimentAnswer, PageContext, Properties } from "./types";

type DecideBody = {
  anonymousId: string | null;
  context: PageContext;
  placements: string[];
  experiments?: string[];
  preview?: string;
  userId?: string;
  userHash?: string;
  newVisitor?: boolean;
  traits?: Properties;
};
type DecideAnswer = {
  decisions?: Decisions;
  experiments?: Record<string, ExperimentAnswer>;
  error?: { message?: string };
} | null;

/** The experiments of this page's answers so far, by key (what experiment() reads before asking). */
const experiments: Record<string, ExperimentAnswer> = {};

function domReady(): Promise<void> {
  return new Promise((resolve) => {
    if (document.readyState !== "loading") resolve();
    else document.addEventListener("DOMContentLoaded", () => resolve());
  });
}

/** The keys once each, without empty ones. */
function dedupe(keys: (string | null)[]): string[] {
  return keys.filter((key, i): key is string => !!key && keys.indexOf(key) === i);
}

async function requestDecisions(keys: string[], traits?: Properties, flags?: string[]): Promise<Decisions> {
  if (!keys.length && !(flags && flags.length)) return {};
  try {
    const body: DecideBody = { anonymousId, context: pageContext(), placements: keys };
    if (flags && flags.length) body.experiments = flags;
    const preview = previewToken();
    if (preview) body.preview = preview;
    if (userId) body.userId = userId;
    if (userId && userHash) body.userHash = userHash;
    // an id minted on this page has no history yet: the server need not look it up
    if (freshId) body.newVisitor = true;
    if (traits) body.traits = traits;
    const res = await post(
      "/api/v1/decide",
      JSON.stringify(body),
      { headers: { authorization: "Bearer " + config!.key, "content-type": "application/json" } },
      config!.decideHost,
    );
    const json = (await res.json()) as DecideAnswer;
    if (!res.ok) {
      warn("decide failed: " + ((json && json.error && json.error.message) || res.status));
      return {};
    }
    if (json && json.experiments) for (const k in json.experiments) experiments[k] = json.experiments[k]!;
    return (json && json.decisions) || {};
  } catch (e) {
    warn("decide failed: " + e);
    return {};
  }
}

/** Flag keys asked for in this turn of the event loop, sent in one request. */
let pendingFlags: string[] = [];
let pendingRequest: Promise<unknown> | null = null;

/**
 * An experiment's variation for this visitor: `{ variation, value, inExperiment }`
 * (a flag's value; the control's when the visitor is not in it), or null when
 * there is no such running experiment or the request fails. Content
 * experiments decided on this page are answered from their decisions;
 * flags are asked for, several in one request.
 */
export async function experiment(key: string): Promise<ExperimentAnswer | null> {
  if (typeof key !== "string" || !key) return null;
  if (experiments[key]) return experiments[key]!;
  if (pendingFlags.indexOf(key) < 0) pendingFlags.push(key);
  pendingRequest ??= Promise.resolve().then(() => {
    const flags = pendingFlags;
    pendingFlags = [];
    pendingRequest = null;
    return requestDecisions([], undefined, flags);
  });
  await pendingRequest;
  return experiments[key] || null;
}

/**
 * What each placement shows this visitor: `placements` or, when omitted, the
 * keys of every [data-placement] element but those the server rendered decided
 * (data-decided="server"). Fills those elements; resolves with
 * the decisions by placement key, or {} when the request fails.
 */
export async function decide(placements?: string | string[], traits?: Properties): Promise<Decisions> {
  try {
    if (typeof placements === "string") placements = [placements];
    let request = placements ? requestDecisions(dedupe(placements), traits) : null;
    await domReady(); // the elements to find or fill may not be parsed yet
    if (!request)
      request = requestDecisions(
        dedupe(
          placementElements()
            .filter((el) => el.getAttribute("data-decided") !== "server") // rendered decided (server helper)
            .map((el) => el.getAttribute("data-placement")),
        ),
        traits,
      );
    const decisions = await request;
    apply(decisions);
    return decisions;
  } catch (e) {
    warn("decide failed: " + e);
    return {};
  } finally {
    unhide(); // whichever decide finishes first reveals the placements
  }
}
