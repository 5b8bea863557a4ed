import { HomeHero } from "@/components/demo-store/home-hero";
import { ProductGrid } from "@/components/demo-store/product-grid";
import { popularProducts } from "@/components/demo-store/catalog";
import { decideOnPage } from "@/lib/demo-store/runtime/decide-on-page";

// The storefront's home: the personalized hero (decided while rendering), then best sellers.
export default async function DemoStoreHome() {
  const decisions = await decideOnPage(["home-hero"], "/demo-store");
  return (
    <>
      <h1 className="sr-only">Demo Store</h1>
      <HomeHero decision={decisions["home-hero"]} />
      <section aria-labelledby="popular-heading" className="mt-12">
        <h2 id="popular-heading" className="text-xl font-semibold tracking-tight">
          Popular right now
        </h2>
        <div className="mt-6">
          <ProductGrid products={popularProducts(12)} label="Popular products" />
        </div>
      </section>
    </>
  );
}
