import Link from "next/link";
import type { DemoCustomer } from "@/lib/demo-store/db/customers";
import { CATEGORIES, categoryLabel } from "./catalog";
import { CartLink } from "./cart-link";
import { ShoppingAs } from "./shopping-as";

/** The storefront header: logo, "Shopping as", cart, and the category navigation. */
export function StoreHeader({ customers, customerId }: { customers: DemoCustomer[]; customerId: string | null }) {
  return (
    <header className="border-b border-gray-100 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4 sm:px-6">
        <Link href="/demo-store" className="text-lg font-bold tracking-tight text-gray-900">
          Demo <span className="text-accent-600">Store</span>
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <ShoppingAs customers={customers} current={customerId} />
          <CartLink />
        </div>
      </div>
      <nav aria-label="Categories" className="mx-auto max-w-6xl overflow-x-auto px-4 sm:px-6">
        <ul className="flex gap-6 pb-3 text-gray-600">
          {CATEGORIES.map((category) => (
            <li key={category}>
              <Link href={`/demo-store/c/${category}`} className="whitespace-nowrap hover:text-accent-700">
                {categoryLabel(category)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
