/**
 * Where the proxy sends a path it cannot decode: a page that calls notFound(),
 * under the storefront for its paths (its own not-found page), else the app's.
 */
export function malformedPathTarget(pathname: string): string {
  return pathname === "/demo-store" || pathname.startsWith("/demo-store/") ? "/demo-store/missing" : "/missing";
}

/**
 * Whether some segment of `pathname` is not valid percent-encoding (`%ff`, a
 * cut `%E2%82`, a stray `%`). Next.js answers 500 to such a dynamic segment,
 * before any page runs (the route matcher's decodeURIComponent throws, also
 * after a rewrite: it decodes the request's own URL); the proxy answers it
 * with a not-found page instead (the dashboard's `/w/%ff`, the store's
 * `/demo-store/p/%ff`).
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
