import { z } from "zod";

export const IMPORT_KINDS = ["customers", "orders"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The fields a CSV column can feed, per kind (anything else becomes a trait with `trait:<name>`). */
export const IMPORT_FIELDS = {
  customers: [
    "email",
    "phone",
    "user_id",
    "first_name",
    "last_name",
    "name",
    "country",
    "city",
    "region",
    "postal_code",
    "company",
    "marketing_consent",
  ],
  orders: [
    "order_id",
    "email",
    "user_id",
    "date",
    "status",
    "total",
    "subtotal",
    "shipping",
    "taxes",
    "discount",
    "discount_code",
    "refunded",
    "cancelled_at",
    "currency",
    "items",
    "item_name",
    "item_sku",
    "item_product_id",
    "item_price",
    "item_quantity",
  ],
} as const satisfies Record<ImportKind, readonly string[]>;

/** How a trait column's cells are read: every row the same type (a cell that is not is refused). */
export const TRAIT_TYPES = ["text", "number", "boolean", "date"] as const;
export type TraitType = (typeof TRAIT_TYPES)[number];

const target = z.union([
  z.literal("ignore"),
  z.string().regex(/^[a-z_]{2,20}$/),
  z.string().regex(/^trait:[A-Za-z0-9_.-]{1,60}$/, "trait names: letters, digits, _ . -"),
]);

/** How a file's columns map to fields, and how to read its values. */
export const importMappingSchema = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    /** CSV header → field, `trait:<name>`, or "ignore". */
    columns: z.record(z.string().max(200), target).refine((c) => Object.keys(c).length <= 200, "at most 200 columns"),
    /** How to read dates like 03/04/2026: day first or month first (ISO dates are always understood). */
    dateOrder: z.enum(["dmy", "mdy"]).default("dmy"),
    /** Country used for phone numbers written without an international prefix (ISO 3166 alpha-2). */
    defaultCountry: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    /** Currency of totals that name none (ISO 4217). */
    defaultCurrency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default("USD"),
    /** How amounts and numbers are written: 1,234.50 (point) or 1.234,50 (comma); one convention per file. */
    decimal: z.enum(["point", "comma"]).default("point"),
    /** Per trait column, how its cells are read (text when not said). */
    traitTypes: z
      .record(z.string().max(200), z.enum(TRAIT_TYPES))
      .refine((c) => Object.keys(c).length <= 200, "at most 200 columns")
      .default({}),
    /**
     * Marketing consent of every customer in the file, when the file is a list of one state (Mailchimp's
     * subscribed or unsubscribed export); a `marketing_consent` column wins over it.
     */
    marketingConsent: z.enum(["granted", "refused"]).optional(),
  })
  .superRefine((m, ctx) => {
    const fields = Object.values(m.columns);
    const allowed = new Set<string>(IMPORT_FIELDS[m.kind]);
    for (const [column, field] of Object.entries(m.columns)) {
      if (field !== "ignore" && !field.startsWith("trait:") && !allowed.has(field))
        ctx.addIssue({
          code: "custom",
          path: ["columns", column],
          message: `${field} is not ${m.kind === "orders" ? "an order" : "a customer"} field`,
        });
    }
    const needed = m.kind === "customers" ? ["email", "phone", "user_id"] : ["order_id"];
    if (!needed.some((f) => fields.includes(f)))
      ctx.addIssue({ code: "custom", path: ["columns"], message: `map a column to ${needed.join(" or ")}` });
    if (m.kind === "orders" && !fields.includes("email") && !fields.includes("user_id"))
      ctx.addIssue({ code: "custom", path: ["columns"], message: "map a column to the customer's email or user_id" });
    if (m.kind === "orders" && !fields.includes("total"))
      ctx.addIssue({ code: "custom", path: ["columns"], message: "map a column to total" });
    if (m.kind === "orders" && fields.includes("items") && fields.some((f) => f.startsWith("item_")))
      ctx.addIssue({
        code: "custom",
        path: ["columns"],
        message: "map the items either to one items column or to item_ columns per row, not both",
      });
    for (const column of Object.keys(m.traitTypes))
      if (!m.columns[column]?.startsWith("trait:"))
        ctx.addIssue({ code: "custom", path: ["traitTypes", column], message: "is not a trait column" });
    const duplicates = fields.filter((f, i) => f !== "ignore" && fields.indexOf(f) !== i);
    if (duplicates.length)
      ctx.addIssue({
        code: "custom",
        path: ["columns"],
        message: `${[...new Set(duplicates)].join(", ")} mapped twice`,
      });
  });

export type ImportMapping = z.output<typeof importMappingSchema>;

/** The refused rows' problems an import's report (and a dry run) lists at most. */
export const MAX_REPORTED_ISSUES = 10_000;

/** One problem of one row, as the report lists it. */
export const importIssueSchema = z.object({ line: z.number().int(), field: z.string(), reason: z.string() });
export type ImportIssue = z.infer<typeof importIssueSchema>;
