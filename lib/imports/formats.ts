import type { ImportKind, ImportMapping, TraitType } from "./schema";

/**
 * The exports of the platforms retailers leave or run beside us, each with the mapping that imports it
 * right (columns as each platform documents its export; values read with `values.ts`). A file is
 * recognized when its header holds every column of a format's `signature`; columns of a recognized file
 * that the format does not name are ignored (the wizard lets the marketer import any of them as a trait).
 * Street addresses, IP addresses, password hashes and tax ids are never imported.
 */
export type ImportFormat = {
  id: string;
  /** As the wizard names it: "Shopify orders export". */
  label: string;
  kind: ImportKind;
  signature: string[];
  /** Header → field or `trait:<name>`. */
  columns: Record<string, string>;
  traitTypes?: Record<string, TraitType>;
  options?: Partial<Pick<ImportMapping, "dateOrder" | "decimal" | "marketingConsent">>;
  /** What the wizard says about the format's limits (a grid export without items, local times). */
  note?: string;
};

const SHOPIFY_CUSTOMERS: ImportFormat = {
  id: "shopify-customers",
  label: "Shopify customers export",
  kind: "customers",
  signature: ["Customer ID", "First Name", "Last Name", "Email", "Accepts Email Marketing", "Total Spent"],
  columns: {
    "Customer ID": "user_id",
    "First Name": "first_name",
    "Last Name": "last_name",
    Email: "email",
    "Accepts Email Marketing": "marketing_consent",
    "Default Address Company": "company",
    "Default Address City": "city",
    "Default Address Province Code": "region",
    "Default Address Country Code": "country",
    "Default Address Zip": "postal_code",
    Phone: "phone",
    "Accepts SMS Marketing": "trait:accepts_sms_marketing",
    "Total Spent": "trait:total_spent",
    "Total Orders": "trait:total_orders",
    Note: "trait:note",
    "Tax Exempt": "trait:tax_exempt",
    Tags: "trait:tags",
  },
  traitTypes: {
    "Accepts SMS Marketing": "boolean",
    "Total Spent": "number",
    "Total Orders": "number",
    "Tax Exempt": "boolean",
  },
};

const SHOPIFY_ORDERS: ImportFormat = {
  id: "shopify-orders",
  label: "Shopify orders export",
  kind: "orders",
  signature: ["Name", "Email", "Financial Status", "Total", "Created at", "Lineitem quantity", "Lineitem name"],
  columns: {
    Name: "order_id",
    Email: "email",
    "Financial Status": "status",
    Currency: "currency",
    Subtotal: "subtotal",
    Shipping: "shipping",
    Taxes: "taxes",
    Total: "total",
    "Discount Code": "discount_code",
    "Discount Amount": "discount",
    "Created at": "date",
    "Lineitem quantity": "item_quantity",
    "Lineitem name": "item_name",
    "Lineitem price": "item_price",
    "Lineitem sku": "item_sku",
    "Cancelled at": "cancelled_at",
    "Refunded Amount": "refunded",
  },
};

const WOOCOMMERCE_CUSTOMERS: ImportFormat = {
  id: "woocommerce-customers",
  label: "WooCommerce customers export",
  kind: "customers",
  signature: ["customer_id", "first_name", "last_name", "email", "date_registered", "billing_country"],
  columns: {
    customer_id: "user_id",
    first_name: "first_name",
    last_name: "last_name",
    email: "email",
    billing_phone: "phone",
    billing_company: "company",
    billing_city: "city",
    billing_state: "region",
    billing_postcode: "postal_code",
    billing_country: "country",
    date_registered: "trait:registered_at",
    total_spent: "trait:total_spent",
    order_count: "trait:order_count",
  },
  traitTypes: { date_registered: "date", total_spent: "number", order_count: "number" },
  note: "WooCommerce writes dates in the store's local time without a zone; they are read as UTC.",
};

const WOOCOMMERCE_ORDERS: ImportFormat = {
  id: "woocommerce-orders",
  label: "WooCommerce orders export (one row per item)",
  kind: "orders",
  signature: ["order_number", "order_date", "status", "order_total", "billing_email", "item_name", "item_quantity"],
  columns: {
    order_number: "order_id",
    order_date: "date",
    status: "status",
    shipping_total: "shipping",
    tax_total: "taxes",
    discount_total: "discount",
    order_total: "total",
    refunded_total: "refunded",
    order_currency: "currency",
    customer_id: "user_id",
    billing_email: "email",
    item_product_id: "item_product_id",
    item_name: "item_name",
    item_sku: "item_sku",
    item_quantity: "item_quantity",
    item_price: "item_price",
  },
  note: "WooCommerce writes dates in the store's local time without a zone; they are read as UTC.",
};

const MAGENTO_CUSTOMERS: ImportFormat = {
  id: "magento-customers",
  label: "Magento 2 customers export (main file)",
  kind: "customers",
  signature: ["email", "_website", "_store", "firstname", "lastname", "group_id"],
  columns: {
    email: "email",
    firstname: "first_name",
    lastname: "last_name",
    created_at: "trait:registered_at",
    created_in: "trait:created_in",
    dob: "trait:date_of_birth",
    gender: "trait:gender",
    group_id: "trait:customer_group",
  },
  traitTypes: { created_at: "date", dob: "date", gender: "text", group_id: "number" },
};

const MAGENTO_ORDERS: ImportFormat = {
  id: "magento-orders",
  label: "Magento 2 sales orders export",
  kind: "orders",
  signature: ["ID", "Purchase Point", "Purchase Date", "Grand Total (Purchased)", "Status", "Customer Email"],
  columns: {
    ID: "order_id",
    "Purchase Date": "date",
    "Grand Total (Purchased)": "total",
    Status: "status",
    "Customer Email": "email",
    Subtotal: "subtotal",
    "Shipping and Handling": "shipping",
    "Total Refunded": "refunded",
  },
  options: { dateOrder: "mdy" },
  note: "Magento's orders grid lists no items: the orders are recorded without products.",
};

const HUBSPOT_CONTACTS: ImportFormat = {
  id: "hubspot-contacts",
  label: "HubSpot contacts export",
  kind: "customers",
  signature: ["Record ID", "First Name", "Last Name", "Email", "Create Date"],
  columns: {
    "Record ID": "trait:hubspot_record_id",
    "First Name": "first_name",
    "Last Name": "last_name",
    Email: "email",
    "Phone Number": "phone",
    City: "city",
    "State/Region": "region",
    "Country/Region": "country",
    "Postal Code": "postal_code",
    "Company Name": "company",
    "Lifecycle Stage": "trait:lifecycle_stage",
    "Create Date": "trait:hubspot_created_at",
    "Last Activity Date": "trait:last_activity_at",
  },
  traitTypes: { "Record ID": "text", "Create Date": "date", "Last Activity Date": "date" },
  note: "HubSpot's marketing contact status is a billing setting, not consent: it is not imported as consent.",
};

const MAILCHIMP_COLUMNS = {
  "Email Address": "email",
  "First Name": "first_name",
  "Last Name": "last_name",
  "Phone Number": "phone",
  Birthday: "trait:birthday",
  MEMBER_RATING: "trait:mailchimp_rating",
  CC: "country",
  REGION: "region",
  TIMEZONE: "trait:time_zone",
  LEID: "trait:mailchimp_id",
  TAGS: "trait:tags",
};
const MAILCHIMP_SIGNATURE = ["Email Address", "MEMBER_RATING", "OPTIN_TIME", "LEID", "EUID"];
const mailchimp = (state: "subscribed" | "unsubscribed" | "cleaned", extra: string[]): ImportFormat => ({
  id: `mailchimp-${state}`,
  label: `Mailchimp audience export (${state})`,
  kind: "customers",
  signature: [...MAILCHIMP_SIGNATURE, ...extra],
  columns: MAILCHIMP_COLUMNS,
  traitTypes: { MEMBER_RATING: "number", LEID: "text", Birthday: "text" },
  options: { marketingConsent: state === "subscribed" ? "granted" : "refused" },
  note:
    state === "subscribed"
      ? "Everyone in this file subscribed: their marketing consent is recorded as granted."
      : `Everyone in this file is ${state}: their marketing consent is recorded as refused.`,
});

const KLAVIYO_PROFILES: ImportFormat = {
  id: "klaviyo-profiles",
  label: "Klaviyo profiles export",
  kind: "customers",
  signature: ["Email", "First Name", "Last Name", "Email Marketing Consent", "Klaviyo ID"],
  columns: {
    Email: "email",
    "First Name": "first_name",
    "Last Name": "last_name",
    "Phone Number": "phone",
    City: "city",
    "State / Region": "region",
    Country: "country",
    "Zip Code": "postal_code",
    Organization: "company",
    "Email Marketing Consent": "marketing_consent",
    "Klaviyo ID": "trait:klaviyo_id",
    Source: "trait:signup_source",
    "Profile Created On": "trait:klaviyo_created_at",
  },
  traitTypes: { "Klaviyo ID": "text", "Profile Created On": "date" },
};

export const IMPORT_FORMATS: readonly ImportFormat[] = [
  SHOPIFY_CUSTOMERS,
  SHOPIFY_ORDERS,
  WOOCOMMERCE_CUSTOMERS,
  WOOCOMMERCE_ORDERS,
  MAGENTO_CUSTOMERS,
  MAGENTO_ORDERS,
  HUBSPOT_CONTACTS,
  mailchimp("subscribed", ["CONFIRM_TIME"]),
  mailchimp("unsubscribed", ["UNSUB_TIME", "UNSUB_CAMPAIGN_TITLE"]),
  mailchimp("cleaned", ["CLEAN_TIME", "CLEAN_CAMPAIGN_TITLE"]),
  KLAVIYO_PROFILES,
];

const key = (header: string) => header.trim().toLowerCase();

/** The format a header is an export of (the one whose signature it holds most fully), or null. */
export function recognizeFormat(headers: string[]): ImportFormat | null {
  const present = new Set(headers.map(key));
  let best: ImportFormat | null = null;
  for (const format of IMPORT_FORMATS)
    if (
      format.signature.every((h) => present.has(key(h))) &&
      (!best || format.signature.length > best.signature.length)
    )
      best = format;
  return best;
}

/** A trait name from a header: letters, digits, _ . - (others become _). */
export const traitNameOf = (header: string) =>
  header
    .trim()
    .replace(/[^A-Za-z0-9_.-]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 60);

/** The mapping a recognized format gives a file's header (its own spelling of each column kept). */
export function formatMapping(
  format: ImportFormat,
  headers: string[],
): Pick<ImportMapping, "kind" | "columns" | "traitTypes"> & ImportFormat["options"] {
  const byKey = new Map(Object.entries(format.columns).map(([h, target]) => [key(h), { h, target }]));
  const columns: Record<string, string> = {};
  const traitTypes: Record<string, TraitType> = {};
  for (const header of headers) {
    const known = byKey.get(key(header));
    const target = known?.target ?? "ignore";
    columns[header] = target;
    const type = known && format.traitTypes?.[known.h];
    if (type && target.startsWith("trait:")) traitTypes[header] = type;
  }
  return { kind: format.kind, columns, traitTypes, ...format.options };
}
