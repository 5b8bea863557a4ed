// A persona's visits turned into Segment-style events: page views and the
// shopping funnel (view → add → checkout → order), with its natural drop-off.
import { CATEGORIES, type Category, type Product } from "../../lib/demo-store/catalog";
import { drawProduct, type CatalogIndex } from "./catalog";
import type { VisitorDecisions } from "./decisions";
import { PURCHASE_RATE } from "./experiment-effects";
import type { Persona } from "./persona";
import { uuidFrom, type Random } from "./random";
import {
  CAMPAIGNS,
  CAMPAIGN_WEIGHTS,
  HOUR_WEIGHTS,
  MAX_HOUR_WEIGHT,
  ORGANIC_REFERRERS,
  SITE_URL,
  type Campaign,
} from "./traffic";

export type SeedEvent = {
  type: "page" | "track";
  name: string;
  properties: Record<string, unknown>;
  context: Record<string, unknown>;
  messageId: string;
  occurredAt: Date;
};

export type SessionWorld = {
  catalog: CatalogIndex;
  now: number;
  seed: number;
  /** The storefront's decisions for this persona, replayed as its pages are viewed (and acting on its checkouts). */
  decisions?: VisitorDecisions;
};

type Line = { product: Product; quantity: number };

const CHECKOUT_RATE = 0.55; // carts that reach checkout
const title = (text: string) => `${text} | Demo Store`;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** A session start in [from, to): uniform over days, weighted by hour of day. */
function sessionStart(random: Random, from: number, to: number): number {
  for (let tries = 0; tries < 8; tries++) {
    const t = from + random.next() * (to - from);
    if (random.next() * MAX_HOUR_WEIGHT < (HOUR_WEIGHTS[new Date(t).getUTCHours()] ?? 0)) return t;
  }
  return from + random.next() * (to - from);
}

/** All events of a persona, oldest first within each session; none after `world.now`. */
export function buildEvents(random: Random, persona: Persona, world: SessionWorld): SeedEvent[] {
  const starts = [persona.activeFrom];
  for (let i = 1; i < persona.sessions; i++) starts.push(sessionStart(random, persona.activeFrom, world.now));
  starts.sort((a, b) => a - b);
  const events: SeedEvent[] = [];
  starts.forEach((start, session) => runSession(random, persona, world, start, session, events));
  return events.filter((e) => e.occurredAt.getTime() <= world.now);
}

/** Appends one session's events to `out`. */
function runSession(
  random: Random,
  persona: Persona,
  world: SessionWorld,
  start: number,
  session: number,
  out: SeedEvent[],
): void {
  let clock = start;
  let url = "";
  let referrer = "";
  const campaign: Campaign | null = random.chance(0.3) ? random.weighted(CAMPAIGNS, CAMPAIGN_WEIGHTS) : null;
  const utm = campaign ? { source: campaign.source, medium: campaign.medium, name: campaign.name } : undefined;
  const search = campaign
    ? `?utm_source=${campaign.source}&utm_medium=${campaign.medium}&utm_campaign=${campaign.name}`
    : "";
  referrer = campaign ? campaign.referrer : random.pick(ORGANIC_REFERRERS);
  let pageContext: Record<string, unknown> = {};

  const emit = (type: SeedEvent["type"], name: string, properties: Record<string, unknown>, landing = false) => {
    const context: Record<string, unknown> = {
      page: pageContext,
      userAgent: persona.userAgent,
      locale: persona.locale,
    };
    if (utm) context.campaign = utm;
    const code = persona.index * 1_048_576 + out.length;
    const event: SeedEvent = {
      type,
      name,
      properties,
      context,
      messageId: uuidFrom(random, code, world.seed),
      occurredAt: new Date(Math.round(clock)),
    };
    world.decisions?.observe(event, landing);
    out.push(event);
  };
  const page = (name: string, path: string, pageTitle: string, extra: Record<string, unknown> = {}) => {
    clock += url ? random.int(8_000, 90_000) : 0;
    const next = `${SITE_URL}${path}${url ? "" : search}`;
    pageContext = { path, url: next, referrer: url || referrer, title: pageTitle };
    emit("page", name, { ...extra, path, url: next, referrer: url || referrer, title: pageTitle }, !url);
    url = next;
  };
  const track = (name: string, properties: Record<string, unknown>) => {
    clock += random.int(500, 6_000);
    emit("track", name, properties);
  };
  const productProps = (p: Product) => ({
    product_id: p.id,
    sku: p.sku,
    name: p.name,
    category: p.category,
    price: p.price,
  });
  const viewProduct = (p: Product) => {
    page("Product", `/p/${p.slug}`, title(p.name), { product_id: p.id, category: p.category });
    track("Product Viewed", productProps(p));
  };

  let category: Category = random.chance(0.7) ? random.pick(persona.favorites) : random.pick(CATEGORIES);
  const cart: Line[] = [];
  const consider = (p: Product) => {
    viewProduct(p);
    if (!random.chance(persona.addRate)) return;
    const quantity = random.chance(0.15) ? 2 : 1;
    cart.push({ product: p, quantity });
    track("Product Added", { ...productProps(p), quantity });
  };

  if (campaign && random.chance(0.4)) consider(drawProduct(random, world.catalog, category));
  else page("Home", "/", "Demo Store");
  const bounced = random.chance(0.22);
  if (!bounced) {
    page("Category", `/c/${category}`, title(category[0]!.toUpperCase() + category.slice(1)), { category });
    let views = 1;
    while (views < 12 && random.chance(0.55)) views++;
    for (let v = 0; v < views; v++) {
      if (random.chance(0.15)) category = random.pick(CATEGORIES);
      consider(drawProduct(random, world.catalog, category));
    }
  }
  if (persona.signsUpInWindow && session === 0) track("Signed Up", { method: "email" });
  if (cart.length === 0) return;

  const products = cart.map(({ product: p, quantity }) => ({
    product_id: p.id,
    name: p.name,
    category: p.category,
    price: p.price,
    quantity,
  }));
  const value = round2(cart.reduce((sum, l) => sum + l.product.price * l.quantity, 0));
  if (random.chance(0.8)) page("Cart", "/cart", title("Cart"));
  const canBuy = persona.userId !== null;
  if (!random.chance(canBuy ? CHECKOUT_RATE : 0.25)) return;
  page("Checkout", "/checkout", title("Checkout"));
  track("Checkout Started", { value, currency: "USD", products });
  // checkouts that complete, for account holders: more or fewer after a first exposure to an experiment's arm
  if (!canBuy || !random.chance(world.decisions?.purchaseProbability(clock) ?? PURCHASE_RATE)) return;
  const orderId = `ORD-${(persona.index + 1).toString(36).toUpperCase()}-${session + 1}`;
  clock += random.int(30_000, 240_000);
  track("Order Completed", { order_id: orderId, revenue: value, currency: "USD", products });
  page("Order Confirmation", "/checkout/confirmation", title("Order confirmed"), { order_id: orderId });
}
