import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddToCartButton } from "@/components/demo-store/add-to-cart-button";
import { categoryLabel, productBySlug } from "@/components/demo-store/catalog";
import { formatPrice } from "@/components/demo-store/format-price";
import { PdpBanner } from "@/components/demo-store/pdp-banner";
import { ProductImage } from "@/components/demo-store/product-image";
import { TrackProductViewed } from "@/components/demo-store/track-product-viewed";
import { decideOnPage } from "@/lib/demo-store/runtime/decide-on-page";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: productBySlug((await params).slug)?.name ?? "Not found" };
}

// A product: its details, the `pdp-banner` placement (decided while rendering), add to cart.
export default async function ProductPage({ params }: Props) {
  const { slug } = await params;
  const product = productBySlug(slug);
  if (!product) notFound();
  const path = `/demo-store/p/${product.slug}`;
  const decisions = await decideOnPage(["pdp-banner"], path);
  const { id, sku, name, category, price } = product;

  return (
    <article className="grid gap-10 md:grid-cols-2">
      <ProductImage id={id} name={name} className="w-full" />
      <div>
        <Link
          href={`/demo-store/c/${category}`}
          className="text-xs uppercase tracking-wide text-gray-500 hover:text-accent-700"
        >
          {categoryLabel(category)}
        </Link>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight">{name}</h1>
        <p className="mt-3 text-2xl text-gray-900">{formatPrice(price)}</p>
        <p className="mt-1 text-xs text-gray-500">SKU {sku}</p>
        <PdpBanner decision={decisions["pdp-banner"]} />
        <div className="mt-8">
          <AddToCartButton product={{ productId: id, sku, name, category, price, slug }} />
        </div>
      </div>
      <TrackProductViewed product={{ product_id: id, sku, name, category, price }} />
    </article>
  );
}
