import { cartTotal, clearCart, type CartItem } from "./cart-store";
import { withSdk } from "./sdk";
import { ORDER_EVENT } from "@/lib/profiles/aggregates";

/** An order id that needs no secure context (crypto.randomUUID does). */
function newOrderId(): string {
  return `DS-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
}

/** Places the demo order: tracks "Order Completed", sends it at once, empties the cart; returns the order id. */
export function placeOrder(items: readonly CartItem[]): string {
  const orderId = newOrderId();
  const products = items.map((item) => ({
    product_id: item.productId,
    sku: item.sku,
    name: item.name,
    category: item.category,
    price: item.price,
    quantity: item.quantity,
  }));
  const revenue = cartTotal(items);
  withSdk((sdk) => {
    sdk.track(ORDER_EVENT, { order_id: orderId, revenue, currency: "USD", products });
    sdk.flush();
  });
  clearCart();
  return orderId;
}
