import { z } from "zod";
import type { Decision } from "@/lib/decide/types";

const bannerSchema = z.object({ title: z.string().min(1).max(200), cta: z.string().min(1).max(80) });

/** The banner's `{ title, cta }`, or null when the content is not that JSON (then the page shows its own heading). */
function parseBanner(content: string): z.infer<typeof bannerSchema> | null {
  try {
    const result = bannerSchema.safeParse(JSON.parse(content));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/** The category page's `category-banner` placement (JSON), decided on the server; its button leads to the products below. */
export function CategoryBanner({
  decision,
  fallbackTitle,
  productsId,
}: {
  decision: Decision | undefined;
  fallbackTitle: string;
  productsId: string;
}) {
  const banner = decision ? parseBanner(decision.content) : null;
  return (
    <section
      data-testid="category-banner"
      aria-label="Featured"
      data-variant-id={banner ? decision?.variantId : undefined}
      data-experience-id={banner ? (decision?.experienceId ?? "") : undefined}
      className="flex flex-col items-start gap-4 rounded-2xl bg-accent-50 px-8 py-10 sm:flex-row sm:items-center sm:justify-between"
    >
      <h2 className="text-2xl font-semibold tracking-tight text-gray-900">{banner?.title ?? fallbackTitle}</h2>
      <a
        href={`#${productsId}`}
        className="rounded-full bg-accent-600 px-5 py-2.5 font-medium text-white hover:bg-accent-700"
      >
        {banner?.cta ?? "Browse all"}
      </a>
    </section>
  );
}
