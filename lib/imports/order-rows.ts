import type { NormalizedEvent } from "@/lib/events/normalize";
import { MAX_EVENT_BYTES } from "@/lib/events/limits";
import { ORDER_EVENT } from "@/lib/profiles/aggregates";
import { fieldsOf, importEventBase, unstorableIssues, type RowResult } from "./rows";
import type { ImportIssue, ImportMapping } from "./schema";
import { amountValue, currencyValue, dateValue, emailValue, numberValue } from "./values";

/** An order's item as the Segment e-commerce spec writes it in `products`. */
export type OrderItem = { product_id?: string; sku?: string; name?: string; price?: number; quantity: number };

/** The order's own fields, read from the row of the order that carries its total. */
type OrderHead = {
  email?: string;
  userId?: string;
  date?: Date;
  status?: string;
  cancelled: boolean;
  currency: string;
  total: number;
  amounts: Partial<Record<"subtotal" | "shipping" | "taxes" | "discount" | "refunded", number>>;
  discountCode?: string;
  /** Items of a one-column `items` cell (JSON, or names separated by ; or |). */
  items?: unknown;
};

/** One row of an orders file: an order's head (the row with its total), one of its items, or both. */
export type OrderLine = { line: number; orderId: string; head: OrderHead | null; item: OrderItem | null };

export const REFUNDED_EVENT = "Order Refunded";
export const CANCELLED_EVENT = "Order Cancelled";

/**
 * The event an order is recorded as, from its status as the platforms write it: refunded ones (Shopify's
 * refunded, Magento's closed) as Order Refunded and cancelled ones (a cancel date, Shopify's voided,
 * WooCommerce's cancelled and failed, Magento's canceled) as Order Cancelled, neither counted as revenue;
 * every other (paid, pending, partially refunded, processing, complete…) as Order Completed.
 */
export function orderEventName(status: string | undefined, cancelled: boolean): string {
  const s = (status ?? "").trim().toLowerCase().replace(/^wc-/, "");
  if (cancelled || ["cancelled", "canceled", "voided", "failed"].includes(s)) return CANCELLED_EVENT;
  if (["refunded", "closed"].includes(s)) return REFUNDED_EVENT;
  return ORDER_EVENT;
}

const ITEM_FIELDS = ["item_name", "item_sku", "item_product_id", "item_price", "item_quantity"] as const;

/**
 * One orders row read: its order id, its head when it has a total (customer, date, status, amounts), its
 * item when it has item columns; or the reasons it cannot be read. A row with neither is refused.
 */
export function orderLine(
  record: Record<string, string>,
  mapping: ImportMapping,
  line: number,
): { ok: true; value: OrderLine } | { ok: false; issues: ImportIssue[] } {
  const fields = fieldsOf(record, mapping);
  const unstorable = unstorableIssues(fields, line);
  if (unstorable.length) return { ok: false, issues: unstorable };
  const issues: ImportIssue[] = [];
  const orderId = fields.get("order_id");
  if (!orderId) issues.push({ line, field: "order_id", reason: "is empty" });
  const currencyResult = fields.has("currency") ? currencyValue(fields.get("currency")!) : null;
  if (currencyResult && !currencyResult.ok) issues.push({ line, field: "currency", reason: currencyResult.reason });
  const currency = currencyResult?.ok ? currencyResult.value : mapping.defaultCurrency;
  /** The amount of a cell; a symbol or code in the total's cell ($12, 12 EUR) names the order's currency. */
  let orderCurrency = currency;
  const amount = (field: string): number | undefined => {
    const raw = fields.get(field);
    if (raw === undefined) return undefined;
    const result = amountValue(raw, currency, mapping.decimal);
    if (!result.ok) {
      issues.push({ line, field, reason: result.reason });
      return undefined;
    }
    if (field === "total") orderCurrency = result.value.currency;
    return result.value.amount;
  };

  const hasItem = ITEM_FIELDS.some((f) => fields.has(f) && f !== "item_quantity");
  let item: OrderItem | null = null;
  if (hasItem) {
    const quantity = fields.has("item_quantity") ? numberValue(fields.get("item_quantity")!, mapping.decimal) : null;
    if (quantity && (!quantity.ok || !Number.isInteger(quantity.value) || quantity.value < 0))
      issues.push({
        line,
        field: "item_quantity",
        reason: quantity.ok ? `“${fields.get("item_quantity")}” is not a whole number of items` : quantity.reason,
      });
    const price = amount("item_price");
    item = {
      ...(fields.has("item_product_id") ? { product_id: fields.get("item_product_id") } : {}),
      ...(fields.has("item_sku") ? { sku: fields.get("item_sku") } : {}),
      ...(fields.has("item_name") ? { name: fields.get("item_name") } : {}),
      ...(price !== undefined ? { price } : {}),
      quantity: quantity?.ok ? quantity.value : 1,
    };
  }

  let head: OrderHead | null = null;
  if (fields.has("total")) {
    const total = amount("total");
    const emailResult = fields.has("email") ? emailValue(fields.get("email")!) : null;
    if (emailResult && !emailResult.ok) issues.push({ line, field: "email", reason: emailResult.reason });
    const email = emailResult?.ok ? emailResult.value : undefined;
    const userId = fields.get("user_id");
    if (!email && !userId && !(emailResult && !emailResult.ok))
      issues.push({ line, field: "email", reason: "the order names no customer (email or user_id)" });
    const dateResult = fields.has("date") ? dateValue(fields.get("date")!, mapping.dateOrder) : null;
    if (dateResult && !dateResult.ok) issues.push({ line, field: "date", reason: dateResult.reason });
    const cancelledAt = fields.has("cancelled_at") ? dateValue(fields.get("cancelled_at")!, mapping.dateOrder) : null;
    if (cancelledAt && !cancelledAt.ok) issues.push({ line, field: "cancelled_at", reason: cancelledAt.reason });
    const amounts: OrderHead["amounts"] = {};
    for (const field of ["subtotal", "shipping", "taxes", "discount", "refunded"] as const) {
      const value = amount(field);
      if (value !== undefined) amounts[field] = value;
    }
    head = {
      email,
      userId,
      date: dateResult?.ok ? dateResult.value : undefined,
      status: fields.get("status"),
      cancelled: !!cancelledAt,
      currency: orderCurrency,
      total: total ?? 0,
      amounts,
      discountCode: fields.get("discount_code"),
      items: fields.has("items") ? itemsCell(fields.get("items")!) : undefined,
    };
  } else if (!hasItem) issues.push({ line, field: "total", reason: "is empty (and the row has no item)" });
  if (issues.length || !orderId) return { ok: false, issues };
  return { ok: true, value: { line, orderId, head, item } };
}

/** A one-column items cell: JSON as the Segment spec writes products, or names separated by ; or |. */
function itemsCell(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw
      .split(/[;|]/)
      .map((name) => ({ name: name.trim() }))
      .filter((p) => p.name);
  }
}

/**
 * An order from its rows: its head's fields and every row's item as `products`, recorded as Order
 * Completed (revenue: the total less what was refunded), Order Refunded or Order Cancelled (no revenue). Its
 * messageId is the order id, so an order is stored once however often it is imported (or was sent by the
 * storefront with that id).
 */
export function orderEvent(lines: OrderLine[], at: Date): RowResult {
  const first = lines[0]!;
  const head = lines.find((l) => l.head)?.head;
  if (!head)
    return {
      ok: false,
      issues: lines.map((l) => ({
        line: l.line,
        field: "total",
        reason: `order ${first.orderId} has no row with its total (an order's rows must be together in the file)`,
      })),
    };
  const name = orderEventName(head.status, head.cancelled);
  const products = head.items ?? (lines.some((l) => l.item) ? lines.flatMap((l) => (l.item ? [l.item] : [])) : null);
  const revenue = name === ORDER_EVENT ? Math.round((head.total - (head.amounts.refunded ?? 0)) * 100) / 100 : null;
  const { subtotal, shipping, taxes, discount, refunded } = head.amounts;
  const properties: Record<string, unknown> = {
    order_id: first.orderId,
    total: head.total,
    ...(revenue !== null ? { revenue } : {}),
    ...(subtotal !== undefined ? { subtotal } : {}),
    ...(shipping !== undefined ? { shipping } : {}),
    ...(taxes !== undefined ? { tax: taxes } : {}),
    ...(discount !== undefined ? { discount } : {}),
    ...(refunded !== undefined ? { refunded } : {}),
    ...(head.discountCode ? { coupon: head.discountCode } : {}),
    currency: head.currency,
    ...(head.status ? { status: head.status.trim().toLowerCase() } : {}),
    ...(products ? { products } : {}),
  };
  const event: NormalizedEvent = {
    ...importEventBase(`import:order:${first.orderId}`, head.date ?? at),
    type: "track",
    name,
    traits: null,
    properties,
    revenue,
    userId: head.userId,
    email: head.email,
  };
  if (Buffer.byteLength(JSON.stringify(properties)) > MAX_EVENT_BYTES)
    return {
      ok: false,
      issues: [
        {
          line: first.line,
          field: "items",
          reason: `order ${first.orderId} is larger than ${MAX_EVENT_BYTES / 1024} KB with its ${products && Array.isArray(products) ? products.length : 0} items`,
        },
      ],
    };
  return { ok: true, event };
}

/**
 * Groups an orders file's rows, in file order, into orders: the rows of one order follow each other (as
 * Shopify, WooCommerce and Magento write line items), so an order is complete when the next row names
 * another. Holds one order's rows at a time, whatever the file's size.
 */
export class OrderGroups {
  private lines: OrderLine[] = [];

  constructor(private readonly at: Date) {}

  /** Takes a row; returns the order it completed, if any. */
  push(line: OrderLine): RowResult | null {
    const done = this.lines.length && this.lines[0]!.orderId !== line.orderId ? this.finish() : null;
    this.lines.push(line);
    return done;
  }

  /** The order of the rows taken since the last one completed (at the end of the file), if any. */
  finish(): RowResult | null {
    if (!this.lines.length) return null;
    const result = orderEvent(this.lines, this.at);
    this.lines = [];
    return result;
  }

  /** How many rows the order being gathered has. */
  get size(): number {
    return this.lines.length;
  }
}
