/** Where the proxy sends a storefront path it cannot decode: a page that is the store's not-found page. */
export const MALFORMED_PATH_TARGET = "/demo-store/missing";

/**
 * Whether some segment of `pathname` is not valid percent-encoding (`%ff`, a
 * cut `%E2%82`, a stray `%`). Next.js answers 500 to such a dynamic segment,
 * before any page runs (the route matcher's decodeURIComponent throws, also
 * after a rewrite: it decodes the request's own URL); the proxy answers it
 * with the store's not-found page instead.
 */
export function hasMalformedSegment(pathname: string): boolean {
  return pathname.split("/").some((segment) => {
    try {
      decodeURIComponent(segment);
      return false;
    } catch {
      return true;
    }
  });
}
