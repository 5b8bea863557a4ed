// The storefront cart, kept in localStorage (the demo has no order backend).
// Read through useCart(), which re-renders on changes from this tab and others.
import { useSyncExternalStore } from "react";
import { z } from "zod";

const cartItemSchema = z.object({
  productId: z.string().max(64),
  sku: z.string().max(64),
  name: z.string().max(200),
  category: z.string().max(64),
  price: z.number().nonnegative(),
  slug: z.string().max(200),
  quantity: z.number().int().min(1).max(99),
});
const cartSchema = z.array(cartItemSchema).max(200);

export type CartItem = z.infer<typeof cartItemSchema>;
export type CartProduct = Omit<CartItem, "quantity">;

const STORAGE_KEY = "demo-store-cart";
const CHANGE_EVENT = "demo-store-cart-change";
const EMPTY: CartItem[] = [];

// useSyncExternalStore needs the same array for the same stored text.
let cachedRaw: string | null = null;
let cached: CartItem[] = EMPTY;

function readCart(): CartItem[] {
  let raw: string | null;
  try {
    raw = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return EMPTY; // storage disabled
  }
  if (raw === cachedRaw) return cached;
  cachedRaw = raw;
  let parsed: unknown = null;
  try {
    parsed = raw ? JSON.parse(raw) : null;
  } catch {
    // a corrupt cart is an empty one
  }
  const result = cartSchema.safeParse(parsed);
  cached = result.success ? result.data : EMPTY;
  return cached;
}

function writeCart(items: CartItem[]): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(items));
  } catch {
    // storage full or disabled: the cart stays as it was
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY || event.key === null) onChange();
  };
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener("storage", onStorage);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onStorage);
  };
}

/** The cart's items; empty on the server and until hydrated. */
export function useCart(): CartItem[] {
  return useSyncExternalStore(subscribe, readCart, () => EMPTY);
}

/** Adds one of the product (or one more, up to 99). */
export function addToCart(product: CartProduct): void {
  const items = readCart();
  const line = items.find((item) => item.productId === product.productId);
  writeCart(
    line
      ? items.map((item) => (item === line ? { ...item, quantity: Math.min(99, item.quantity + 1) } : item))
      : [...items, { ...product, quantity: 1 }],
  );
}

/** Sets a line's quantity (1–99). */
export function setQuantity(productId: string, quantity: number): void {
  const clamped = Math.min(99, Math.max(1, Math.floor(quantity) || 1));
  writeCart(readCart().map((item) => (item.productId === productId ? { ...item, quantity: clamped } : item)));
}

export function removeFromCart(productId: string): void {
  writeCart(readCart().filter((item) => item.productId !== productId));
}

export function clearCart(): void {
  writeCart([]);
}

/** The cart's total in dollars, rounded to cents. */
export function cartTotal(items: readonly CartItem[]): number {
  return Math.round(items.reduce((sum, item) => sum + item.price * item.quantity, 0) * 100) / 100;
}
