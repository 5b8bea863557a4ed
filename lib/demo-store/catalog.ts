// The demo store's catalog: 200 products in 8 categories, shared by the
// storefront and the demo data seeder (prisma/seed/), whose events name them.
import { PRODUCT_TABLE } from "./products";

export const CATEGORIES = [
  "shoes",
  "apparel",
  "accessories",
  "bags",
  "outdoor",
  "beauty",
  "home",
  "electronics",
] as const;
export type Category = (typeof CATEGORIES)[number];

export type Product = {
  id: string;
  sku: string;
  name: string;
  category: Category;
  price: number;
  /** URL slug of the product page. */
  slug: string;
  /** Relative popularity (Zipf within its category). */
  popularity: number;
};

/** The SKU prefix of each category. */
const SKU_CODES: Record<Category, string> = {
  shoes: "SHO",
  apparel: "APP",
  accessories: "ACC",
  bags: "BAG",
  outdoor: "OUT",
  beauty: "BEA",
  home: "HOM",
  electronics: "ELE",
};

const slugOf = (name: string, n: number) =>
  `${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")}-${n}`;

/** Builds the catalog from the product table; a new array of equal products on every call. */
export function buildCatalog(): Product[] {
  const products: Product[] = [];
  for (const category of CATEGORIES) {
    PRODUCT_TABLE[category].forEach(([name, price], i) => {
      const rank = i + 1;
      const n = products.length + 1;
      products.push({
        id: `prod_${String(n).padStart(3, "0")}`,
        sku: `${SKU_CODES[category]}-${String(1000 + rank * 7 + n)}`,
        name,
        category,
        price,
        slug: slugOf(name, n),
        popularity: 1 / Math.pow(rank, 0.9),
      });
    });
  }
  return products;
}
