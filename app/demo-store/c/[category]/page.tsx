import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CategoryBanner } from "@/components/demo-store/category-banner";
import { categoryLabel, categoryProducts, isCategory } from "@/components/demo-store/catalog";
import { ProductGrid } from "@/components/demo-store/product-grid";
import { decideOnPage } from "@/lib/demo-store/runtime/decide-on-page";

type Props = { params: Promise<{ category: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { category } = await params;
  return { title: isCategory(category) ? categoryLabel(category) : "Not found" };
}

// A category: its banner (the `category-banner` placement, decided while rendering) and its products.
export default async function CategoryPage({ params }: Props) {
  const { category } = await params;
  if (!isCategory(category)) notFound();
  const path = `/demo-store/c/${category}`;
  const decisions = await decideOnPage(["category-banner"], path);
  const label = categoryLabel(category);
  return (
    <>
      <h1 className="mb-6 text-3xl font-semibold tracking-tight">{label}</h1>
      <CategoryBanner
        decision={decisions["category-banner"]}
        fallbackTitle={`Explore ${label.toLowerCase()}`}
        productsId="products"
      />
      <section id="products" aria-label={`${label} products`} className="mt-10 scroll-mt-6">
        <ProductGrid products={categoryProducts(category)} label={`${label} products`} />
      </section>
    </>
  );
}
