// The storefront's view of the demo catalog (lib/demo-store/catalog.ts): the same
// 200 products the seeded events refer to, built once per server process.
import { buildCatalog, CATEGORIES, type Category, type Product } from "@/lib/demo-store/catalog";

let products: Product[] | null = null;

function catalog(): Product[] {
  return (products ??= buildCatalog());
}

const byPopularity = (a: Product, b: Product) => b.popularity - a.popularity || a.id.localeCompare(b.id);

/** The `limit` most popular products across categories. */
export function popularProducts(limit: number): Product[] {
  return [...catalog()].sort(byPopularity).slice(0, limit);
}

/** A category's products, best sellers first. */
export function categoryProducts(category: Category): Product[] {
  return catalog()
    .filter((p) => p.category === category)
    .sort(byPopularity);
}

export function productBySlug(slug: string): Product | undefined {
  return catalog().find((p) => p.slug === slug);
}

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

/** "electronics" → "Electronics". */
export function categoryLabel(category: Category): string {
  return category.charAt(0).toUpperCase() + category.slice(1);
}

export { CATEGORIES, type Category, type Product };
