"use client";

import Link from "next/link";
import { useCart } from "./cart-store";

/** The header's cart link with the number of items in the cart. */
export function CartLink() {
  const count = useCart().reduce((sum, item) => sum + item.quantity, 0);
  return (
    <Link
      href="/demo-store/cart"
      className="inline-flex items-center gap-2 rounded-full border border-gray-200 px-3 py-1.5 font-medium text-gray-800 hover:border-accent-300 hover:text-accent-700"
    >
      <span>Cart</span>
      <span
        data-testid="cart-count"
        aria-hidden
        className="min-w-5 rounded-full bg-accent-600 px-1.5 text-center text-xs leading-5 text-white"
      >
        {count}
      </span>
      <span className="sr-only">{`, ${count} ${count === 1 ? "item" : "items"}`}</span>
    </Link>
  );
}
