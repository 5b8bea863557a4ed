import { mulberry32 } from "@/lib/stats/random";

const HEADER =
  "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Cancelled at,Refunded Amount,Id";
const PRODUCTS = ["Linen Shirt", "Canvas Tote", "Walnut Desk", "Espresso Cups", "Wool Socks", "Desk Lamp", "Notebook"];

/** What a generated file holds, counted as it was written: what importing it must record. */
export type GeneratedOrdersFigures = {
  rows: number;
  orders: number;
  completed: number;
  refunded: number;
  cancelled: number;
  /** Line items of the recorded orders (every order's, whatever its status). */
  items: number;
  customers: number;
  /** Revenue of the completed orders (total less refunds), in cents, per currency. */
  revenueCents: Record<string, number>;
};

/** Cents as Shopify writes amounts: 1234.5 as `"1,234.50"` (quoted, with the thousands separator), 12.5 as `12.50`. */
const amount = (cents: number) => {
  const text = (cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return text.includes(",") ? `"${text}"` : text;
};
const pad = (n: number) => String(n).padStart(2, "0");
/** A local time with its numeric offset, as Shopify writes it: `2024-03-05 14:21:55 -0500`. */
const shopifyTime = (utcMs: number, offsetHours: number) => {
  const local = new Date(utcMs + offsetHours * 3_600_000);
  const sign = offsetHours < 0 ? "-" : "+";
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} ${sign}${pad(Math.abs(offsetHours))}00`;
};

/**
 * A Shopify orders export of `rows` rows (one per line item, orders of one to three items), the same for the
 * same seed: customers `c<n>@<domain>` of `customers`, 85 % USD and 15 % EUR, amounts of a thousand and more
 * with their thousands separator, times with offsets, about 4 % partially refunded, 3 % refunded and 3 %
 * voided. Yields the file in lines (memory stays flat at any size); `figures` is what it holds.
 */
export function generatedShopifyOrders(options: { rows: number; customers: number; domain: string; seed?: number }) {
  function* lines(figures: GeneratedOrdersFigures): Generator<string> {
    const rng = mulberry32(options.seed ?? 18);
    const pick = (n: number) => Math.floor(rng() * n);
    const seen = new Set<number>();
    yield HEADER;
    let start = Date.UTC(2024, 0, 1);
    for (let order = 1; figures.rows < options.rows; order++) {
      const size = Math.min(1 + pick(3), options.rows - figures.rows);
      const items = Array.from({ length: size }, () => {
        const product = pick(PRODUCTS.length);
        return { product, quantity: 1 + pick(3), price: 500 + pick(40) * 500 };
      });
      const customer = pick(options.customers);
      seen.add(customer);
      const email = `c${customer}@${options.domain}`;
      const usd = rng() < 0.85;
      const currency = usd ? "USD" : "EUR";
      const offset = usd ? -5 : 1;
      const subtotal = items.reduce((sum, i) => sum + i.price * i.quantity, 0);
      const discount = rng() < 0.2 ? Math.round(subtotal / 10) : 0;
      const shipping = subtotal >= 10_000 ? 0 : 500;
      const taxes = Math.round((subtotal - discount) * 0.08);
      const total = subtotal - discount + shipping + taxes;
      const roll = rng();
      const status = roll < 0.9 ? "paid" : roll < 0.94 ? "partially_refunded" : roll < 0.97 ? "refunded" : "voided";
      const refunded = status === "refunded" ? total : status === "partially_refunded" ? Math.round(total * 0.3) : 0;
      start += (1 + pick(600)) * 1000;
      const created = shopifyTime(start, offset);
      const cancelled = status === "voided" ? shopifyTime(start + 3_600_000, offset) : "";
      const name = `#${1000 + order}`;
      figures.orders += 1;
      figures.items += size;
      if (status === "refunded") figures.refunded += 1;
      else if (status === "voided") figures.cancelled += 1;
      else {
        figures.completed += 1;
        figures.revenueCents[currency] = (figures.revenueCents[currency] ?? 0) + total - refunded;
      }
      for (const [index, item] of items.entries()) {
        const head = index === 0;
        const sku = `SKU-${item.product}`;
        yield [
          name,
          email,
          head ? status : "",
          head && status !== "voided" ? created : "",
          head ? "fulfilled" : "",
          "",
          head ? (rng() < 0.5 ? "yes" : "no") : "",
          head ? currency : "",
          head ? amount(subtotal) : "",
          head ? amount(shipping) : "",
          head ? amount(taxes) : "",
          head ? amount(total) : "",
          head && discount ? "TENOFF" : "",
          head ? amount(discount) : "",
          head ? "Standard" : "",
          created,
          String(item.quantity),
          PRODUCTS[item.product],
          amount(item.price),
          "",
          sku,
          "true",
          "true",
          "",
          head ? `Customer ${customer}` : "",
          head ? cancelled : "",
          head ? amount(refunded) : "",
          head ? String(5_500_000_000_000 + order) : "",
        ].join(",");
        figures.rows += 1;
      }
    }
    figures.customers = seen.size;
  }
  const empty = (): GeneratedOrdersFigures => ({
    rows: 0,
    orders: 0,
    completed: 0,
    refunded: 0,
    cancelled: 0,
    items: 0,
    customers: 0,
    revenueCents: {},
  });
  const figures = empty();
  for (const _ of lines(figures));
  return {
    figures,
    /** The file as a stream of UTF-8 bytes, lines of about 64 KB at a time. */
    stream(): ReadableStream<Uint8Array> {
      const source = lines(empty());
      const encoder = new TextEncoder();
      return new ReadableStream({
        pull(controller) {
          let chunk = "";
          for (let next = source.next(); !next.done; next = source.next()) {
            chunk += `${next.value}\n`;
            if (chunk.length > 64 * 1024) break;
          }
          if (chunk) controller.enqueue(encoder.encode(chunk));
          else controller.close();
        },
      });
    },
  };
}
