import type { ImportKind } from "./schema";

const SYNONYMS: Record<ImportKind, Record<string, string[]>> = {
  customers: {
    email: ["email", "e-mail", "mail", "email address"],
    phone: ["phone", "mobile", "tel", "telephone", "phone number"],
    user_id: ["user_id", "userid", "user id", "customer id", "customer_id", "id"],
    first_name: ["first name", "first_name", "firstname", "given name"],
    last_name: ["last name", "last_name", "lastname", "surname", "family name"],
    name: ["name", "full name", "full_name"],
    country: ["country", "country code"],
    city: ["city", "town"],
  },
  orders: {
    order_id: ["order", "order id", "order_id", "order number", "order no"],
    email: ["email", "customer", "customer email", "e-mail"],
    user_id: ["user_id", "userid", "user id", "customer id", "customer_id"],
    date: ["date", "order date", "placed", "placed at", "created", "created at"],
    total: ["total", "amount", "revenue", "order total", "value"],
    currency: ["currency", "currency code"],
    items: ["items", "products", "lines", "skus"],
  },
};

const simplify = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");

/**
 * A first guess at how a file's columns map to fields, from their headers:
 * known names become fields; other customer columns become traits of the
 * same name; other order columns are ignored. The marketer corrects it.
 */
export function guessMapping(kind: ImportKind, headers: string[]): Record<string, string> {
  const used = new Set<string>();
  const mapping: Record<string, string> = {};
  for (const header of headers) {
    const simple = simplify(header);
    const field = Object.entries(SYNONYMS[kind]).find(
      ([f, names]) => !used.has(f) && names.some((n) => simplify(n) === simple),
    )?.[0];
    if (field) used.add(field);
    const trait = header
      .trim()
      .replace(/[^A-Za-z0-9_.-]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 60);
    mapping[header] = field ?? (kind === "customers" && trait ? `trait:${trait}` : "ignore");
  }
  return mapping;
}
