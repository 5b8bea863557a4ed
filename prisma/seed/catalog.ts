// The demo store's catalog: 200 products in 8 categories, built from a fixed
// seed so product ids stay the same whatever seed the events use.
import { createRandom, type Random } from "./random";

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

type CategorySpec = { code: string; nouns: string[]; medianPrice: number; spread: number; minPrice: number };

const SPECS: Record<Category, CategorySpec> = {
  shoes: {
    code: "SHO",
    nouns: ["Runner", "Trail Shoe", "Sneaker", "Loafer", "Chelsea Boot", "Sandal", "Hiking Boot"],
    medianPrice: 95,
    spread: 0.35,
    minPrice: 35,
  },
  apparel: {
    code: "APP",
    nouns: ["Tee", "Hoodie", "Oxford Shirt", "Chinos", "Denim Jacket", "Merino Sweater", "Rain Shell"],
    medianPrice: 55,
    spread: 0.5,
    minPrice: 15,
  },
  accessories: {
    code: "ACC",
    nouns: ["Cap", "Beanie", "Belt", "Scarf", "Sunglasses", "Wallet", "Watch Strap"],
    medianPrice: 30,
    spread: 0.5,
    minPrice: 9,
  },
  bags: {
    code: "BAG",
    nouns: ["Backpack", "Tote", "Duffel", "Messenger Bag", "Crossbody Bag", "Weekender"],
    medianPrice: 85,
    spread: 0.45,
    minPrice: 25,
  },
  outdoor: {
    code: "OUT",
    nouns: ["Tent", "Sleeping Bag", "Trekking Poles", "Camp Stove", "Headlamp", "Water Filter"],
    medianPrice: 120,
    spread: 0.7,
    minPrice: 19,
  },
  beauty: {
    code: "BEA",
    nouns: ["Face Serum", "Moisturizer", "Lip Balm", "Body Wash", "Sunscreen", "Eau de Parfum"],
    medianPrice: 28,
    spread: 0.55,
    minPrice: 7,
  },
  home: {
    code: "HOM",
    nouns: ["Candle", "Throw Blanket", "Ceramic Mug", "Linen Napkins", "Table Lamp", "Cushion Cover"],
    medianPrice: 40,
    spread: 0.6,
    minPrice: 12,
  },
  electronics: {
    code: "ELE",
    nouns: ["Wireless Earbuds", "Bluetooth Speaker", "Power Bank", "Smartwatch", "Headphones", "Action Camera"],
    medianPrice: 140,
    spread: 0.6,
    minPrice: 25,
  },
};

const ADJECTIVES = [
  "Classic",
  "Urban",
  "Aero",
  "Summit",
  "Coastal",
  "Nordic",
  "Everyday",
  "Pro",
  "Essential",
  "Heritage",
  "Lite",
  "Studio",
  "Voyager",
  "Alpine",
  "Metro",
];
const COLORS = ["Black", "White", "Navy", "Olive", "Sand", "Charcoal", "Rust", "Sky", "Forest", "Stone"];

export const PRODUCTS_PER_CATEGORY = 25;

/** A price shaped like a shelf price: x.99 below 100, whole 5s (minus a cent) above. */
function shelfPrice(random: Random, spec: CategorySpec): number {
  const raw = Math.max(spec.minPrice, random.lognormal(Math.log(spec.medianPrice), spec.spread));
  return raw < 100 ? Math.floor(raw) + 0.99 : Math.round(raw / 5) * 5 - 0.01;
}

/** Builds the 200-product catalog (25 per category); same output on every call. */
export function buildCatalog(): Product[] {
  const random = createRandom(20261123);
  const products: Product[] = [];
  for (const category of CATEGORIES) {
    const spec = SPECS[category];
    const names = new Set<string>();
    for (let rank = 1; rank <= PRODUCTS_PER_CATEGORY; rank++) {
      let name: string;
      do name = `${random.pick(ADJECTIVES)} ${random.pick(spec.nouns)} – ${random.pick(COLORS)}`;
      while (names.has(name));
      names.add(name);
      const n = products.length + 1;
      products.push({
        id: `prod_${String(n).padStart(3, "0")}`,
        sku: `${spec.code}-${String(1000 + rank * 7 + n)}`,
        name,
        category,
        price: shelfPrice(random, spec),
        slug: `${name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/^-|-$/g, "")}-${n}`,
        popularity: 1 / Math.pow(rank, 0.9),
      });
    }
  }
  return products;
}

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
