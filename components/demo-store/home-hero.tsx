import type { Decision } from "@/lib/decide/types";

// The hero's HTML comes from the placement's template; these style its usual tags.
const CONTENT_STYLES =
  "[&_h1]:text-3xl [&_h1]:font-semibold [&_h2]:text-3xl [&_h2]:font-semibold [&_h2]:tracking-tight [&_p]:mt-3 [&_p]:text-base [&_p]:text-accent-50 [&_a]:font-medium [&_a]:text-white [&_a]:underline [&_a]:underline-offset-4";

/**
 * The home page's `home-hero` placement, decided on the server: marked
 * data-decided="server", so the SDK does not decide it again in the browser but
 * reports clicks on it (Placement Clicked). The HTML is the output of our
 * escaping template engine (lib/content), safe to insert.
 */
export function HomeHero({ decision }: { decision: Decision | undefined }) {
  const className = `rounded-2xl bg-linear-to-br from-accent-600 to-accent-800 px-8 py-14 text-white sm:px-12 ${CONTENT_STYLES}`;
  if (!decision) {
    return (
      <section data-testid="home-hero" aria-label="Featured" className={className}>
        <h2>Welcome to Demo Store</h2>
      </section>
    );
  }
  return (
    <section
      data-testid="home-hero"
      aria-label="Featured"
      data-placement="home-hero"
      data-decided="server"
      data-variant-id={decision.variantId}
      data-experience-id={decision.experienceId ?? ""}
      className={className}
      dangerouslySetInnerHTML={{ __html: decision.content }}
    />
  );
}
