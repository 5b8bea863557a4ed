import type { Metadata } from "next";
import { CartUpsell } from "@/components/demo-store/cart-upsell";
import { CartView } from "@/components/demo-store/cart-view";

export const metadata: Metadata = { title: "Your cart" };

// The cart (kept in the browser) and the `cart-upsell` placement, filled by the SDK in the browser.
export default function CartPage() {
  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight">Your cart</h1>
      <div className="mt-6">
        <CartUpsell />
      </div>
      <div className="mt-8">
        <CartView />
      </div>
    </>
  );
}
