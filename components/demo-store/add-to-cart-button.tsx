"use client";

import Link from "next/link";
import { useState } from "react";
import { addToCart, type CartProduct } from "./cart-store";
import { withSdk } from "./sdk";

/** Adds the product to the (localStorage) cart and tracks "Product Added". */
export function AddToCartButton({ product }: { product: CartProduct }) {
  const [added, setAdded] = useState(false);
  return (
    <div className="flex flex-wrap items-center gap-4">
      <button
        type="button"
        data-testid="add-to-cart"
        onClick={() => {
          addToCart(product);
          setAdded(true);
          const { productId, sku, name, category, price } = product;
          withSdk((sdk) =>
            sdk.track("Product Added", { product_id: productId, sku, name, category, price, quantity: 1 }),
          );
        }}
        className="rounded-full bg-accent-600 px-6 py-3 font-medium text-white hover:bg-accent-700"
      >
        Add to cart
      </button>
      <p role="status" className="text-gray-600">
        {added ? (
          <>
            Added to your cart.{" "}
            <Link href="/demo-store/cart" className="font-medium text-accent-700 hover:underline">
              View cart
            </Link>
          </>
        ) : null}
      </p>
    </div>
  );
}
