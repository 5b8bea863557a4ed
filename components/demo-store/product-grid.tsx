import Link from "next/link";
import type { Product } from "./catalog";
import { categoryLabel } from "./catalog";
import { formatPrice } from "./format-price";
import { ProductImage } from "./product-image";

/** A grid of product cards, each linking to its product page. */
export function ProductGrid({ products, label }: { products: Product[]; label: string }) {
  return (
    <ul aria-label={label} className="grid grid-cols-2 gap-x-4 gap-y-8 sm:grid-cols-3 lg:grid-cols-4">
      {products.map((product) => (
        <li key={product.id}>
          <Link
            href={`/demo-store/p/${product.slug}`}
            className="group block rounded-lg focus-visible:outline-offset-4"
          >
            <ProductImage id={product.id} name={product.name} className="transition group-hover:opacity-90" />
            <p className="mt-3 text-xs uppercase tracking-wide text-gray-500">{categoryLabel(product.category)}</p>
            <h3 className="mt-1 font-medium text-gray-900 group-hover:text-accent-700">{product.name}</h3>
            <p className="mt-1 text-gray-700">{formatPrice(product.price)}</p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
