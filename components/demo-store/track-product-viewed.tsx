"use client";

import { useEffect, useRef } from "react";
import { withSdk } from "./sdk";

export type TrackedProduct = { product_id: string; sku: string; name: string; category: string; price: number };

/** Sends "Product Viewed" once when the product page mounts (the ref keeps React's development double effects from sending two). */
export function TrackProductViewed({ product }: { product: TrackedProduct }) {
  const sentFor = useRef<string | null>(null);
  useEffect(() => {
    if (sentFor.current === product.product_id) return;
    sentFor.current = product.product_id;
    withSdk((sdk) => sdk.track("Product Viewed", { ...product }));
  }, [product]);
  return null;
}
