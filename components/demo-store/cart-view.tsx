"use client";

import Link from "next/link";
import { useState } from "react";
import { cartTotal, removeFromCart, setQuantity, useCart } from "./cart-store";
import { formatPrice } from "./format-price";
import { placeOrder } from "./place-order";
import { ProductImage } from "./product-image";

/** The cart's lines (quantity, remove), its total, and "Place order"; then the thank-you. */
export function CartView() {
  const items = useCart();
  const [orderId, setOrderId] = useState<string | null>(null);
  const total = cartTotal(items);

  if (orderId && items.length === 0) {
    return (
      <div
        role="status"
        data-testid="order-confirmation"
        className="rounded-lg border border-gray-100 px-6 py-10 text-center"
      >
        <h2 className="text-xl font-semibold">Thank you for your order!</h2>
        <p className="mt-2 text-gray-600">
          Your order number is <strong data-testid="order-id">{orderId}</strong>.
        </p>
        <Link href="/demo-store" className="mt-6 inline-block font-medium text-accent-700 hover:underline">
          Continue shopping
        </Link>
      </div>
    );
  }
  if (items.length === 0) {
    return (
      <div className="rounded-lg border border-gray-100 px-6 py-10 text-center text-gray-600">
        <p>Your cart is empty.</p>
        <Link href="/demo-store" className="mt-4 inline-block font-medium text-accent-700 hover:underline">
          Start shopping
        </Link>
      </div>
    );
  }

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_18rem]">
      <ul aria-label="Items in your cart" className="divide-y divide-gray-100 border-y border-gray-100">
        {items.map((item) => (
          <li key={item.productId} className="flex items-center gap-4 py-4">
            <ProductImage id={item.productId} name={item.name} className="w-20 shrink-0 [&_span]:text-base" />
            <div className="min-w-0 flex-1">
              <Link href={`/demo-store/p/${item.slug}`} className="font-medium hover:text-accent-700">
                {item.name}
              </Link>
              <p className="text-gray-500">{formatPrice(item.price)}</p>
            </div>
            <div
              role="group"
              aria-label={`Quantity of ${item.name}`}
              className="flex items-center rounded-full border border-gray-200"
            >
              <button
                type="button"
                aria-label="One less"
                disabled={item.quantity <= 1}
                onClick={() => setQuantity(item.productId, item.quantity - 1)}
                className="px-3 py-1 text-gray-600 disabled:text-gray-300"
              >
                −
              </button>
              <output aria-live="polite" className="w-6 text-center tabular-nums">
                {item.quantity}
              </output>
              <button
                type="button"
                aria-label="One more"
                disabled={item.quantity >= 99}
                onClick={() => setQuantity(item.productId, item.quantity + 1)}
                className="px-3 py-1 text-gray-600 disabled:text-gray-300"
              >
                +
              </button>
            </div>
            <p className="w-24 text-right font-medium">{formatPrice(item.price * item.quantity)}</p>
            <button
              type="button"
              onClick={() => removeFromCart(item.productId)}
              className="text-gray-500 hover:text-red-600"
              aria-label={`Remove ${item.name}`}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <section aria-label="Order summary" className="h-fit rounded-lg bg-gray-50 p-5">
        <p className="flex justify-between text-base">
          <span>Total</span>
          <strong data-testid="cart-total">{formatPrice(total)}</strong>
        </p>
        <button
          type="button"
          data-testid="place-order"
          onClick={() => setOrderId(placeOrder(items))}
          className="mt-5 w-full rounded-full bg-accent-600 px-6 py-3 font-medium text-white hover:bg-accent-700"
        >
          Place order
        </button>
      </section>
    </div>
  );
}
