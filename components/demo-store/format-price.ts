const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** A price as the storefront shows it: "$94.99". */
export function formatPrice(dollars: number): string {
  return usd.format(dollars);
}
