// The seeder's view of the demo catalog (lib/demo-store/catalog.ts, shared
// with the storefront): products indexed for draws weighted by popularity.
import { CATEGORIES, type Category, type Product } from "../../lib/demo-store/catalog";
import type { Random } from "./random";

/** The catalog, indexed for draws weighted by popularity. */
export type CatalogIndex = {
  products: Product[];
  byCategory: Record<Category, { items: Product[]; cumulative: number[] }>;
};

/** Indexes a catalog by category with cumulative popularity weights. */
export function indexCatalog(products: Product[]): CatalogIndex {
  const byCategory = {} as CatalogIndex["byCategory"];
  for (const category of CATEGORIES) {
    const items = products.filter((p) => p.category === category);
    let sum = 0;
    byCategory[category] = { items, cumulative: items.map((p) => (sum += p.popularity)) };
  }
  return { products, byCategory };
}

/** A product of the category, popular ones more often. */
export function drawProduct(random: Random, catalog: CatalogIndex, category: Category): Product {
  const { items, cumulative } = catalog.byCategory[category];
  const r = random.next() * (cumulative[cumulative.length - 1] ?? 0);
  let lo = 0,
    hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] ?? 0) > r) hi = mid;
    else lo = mid + 1;
  }
  return items[lo] as Product;
}
