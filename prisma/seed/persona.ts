// One visitor of the demo store before any event: who they are (traits and
// identities) and how they behave (how often they come, how likely they buy).
import { CATEGORIES, type Category } from "../../lib/demo-store/catalog";
import {
  AGE_BANDS,
  AGE_BAND_WEIGHTS,
  COUNTRIES,
  COUNTRY_WEIGHTS,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  LAST_NAMES,
  emailLocalPart,
} from "./demographics";
import { idFrom, uuidFrom, type Random } from "./random";
import { USER_AGENTS, USER_AGENT_WEIGHTS } from "./traffic";
import { DAY_MS } from "@/lib/time";

export type Persona = {
  index: number;
  id: string;
  anonymousId: string;
  /** Set for profiles that have an account (user_id and email identities). */
  userId: string | null;
  email: string | null;
  traits: Record<string, unknown>;
  /** Whether the account is created during the window, at the end of the first session. */
  signsUpInWindow: boolean;
  /** Start of the profile's activity (ms since epoch); its first session starts here. */
  activeFrom: number;
  sessions: number;
  /** Probability that a product view leads to an add to cart. */
  addRate: number;
  /** Orders placed before the window (feeds the loyalty tier). */
  priorOrders: number;
  favorites: Category[];
  userAgent: string;
  locale: string;
};

export type Window = { start: number; end: number; seed: number };

/** Mean sessions per profile, tuned so a profile averages ~30 events. */
const SESSION_MU = 0.82;
const SESSION_SIGMA = 1.05;
const SIGNED_UP_SHARE = 0.72;
const RETURNING_SHARE = 0.55;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Draws the persona of the index-th profile from its own random stream. */
export function buildPersona(random: Random, index: number, window: Window): Persona {
  const country = random.weighted(COUNTRIES, COUNTRY_WEIGHTS);
  const signedUp = random.chance(SIGNED_UP_SHARE);
  const returning = signedUp && random.chance(RETURNING_SHARE);
  // One latent "affinity" drives both how often someone comes and how much they buy,
  // which is what concentrates orders on a few loyal customers.
  const affinity = random.normal();
  const sessionShift = signedUp ? 0.65 * affinity + (returning ? 0.3 : 0) : -0.9;
  const sessions = Math.min(400, Math.max(1, Math.round(random.lognormal(SESSION_MU + sessionShift, SESSION_SIGMA))));
  const addRate = Math.min(0.6, (signedUp ? 0.04 : 0.02) * Math.exp(1.1 * affinity + 0.4 * random.normal()));
  const span = window.end - window.start;
  const activeFrom = returning ? window.start + random.next() * DAY_MS * 3 : window.start + random.next() * span * 0.97;

  const traits: Record<string, unknown> = { country: country.code, city: random.pick(country.cities) };
  let userId: string | null = null;
  let email: string | null = null;
  let priorOrders = 0;
  if (signedUp) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    userId = `user_${String(100000 + index)}`;
    email = `${emailLocalPart(first, last)}.${index}@${random.pick(EMAIL_DOMAINS)}`;
    const signupMs = returning ? window.start - random.pareto(7, 1.1) * DAY_MS : activeFrom;
    priorOrders = returning ? Math.max(0, Math.floor(random.lognormal(0.6 * affinity - 0.3, 1))) : 0;
    Object.assign(traits, {
      first_name: first,
      last_name: last,
      email,
      age_band: random.weighted(AGE_BANDS, AGE_BAND_WEIGHTS),
      signup_date: isoDay(Math.max(signupMs, window.start - 3 * 365 * DAY_MS)),
      plan: random.chance(0.12 + 0.08 * Math.max(0, affinity)) ? "plus" : "free",
      newsletter_opt_in: random.chance(0.45),
    });
  }

  const favorites = [random.pick(CATEGORIES), random.pick(CATEGORIES)];
  return {
    index,
    id: idFrom("profile", index, window.seed),
    anonymousId: uuidFrom(random, index, window.seed),
    userId,
    email,
    traits,
    signsUpInWindow: signedUp && !returning,
    activeFrom,
    sessions,
    addRate,
    priorOrders,
    favorites,
    userAgent: random.weighted(USER_AGENTS, USER_AGENT_WEIGHTS),
    locale: country.locale,
  };
}

/** Loyalty tier from lifetime orders: most customers have none, a few reach platinum. */
export function loyaltyTier(lifetimeOrders: number): "none" | "silver" | "gold" | "platinum" {
  if (lifetimeOrders >= 12) return "platinum";
  if (lifetimeOrders >= 6) return "gold";
  if (lifetimeOrders >= 2) return "silver";
  return "none";
}
