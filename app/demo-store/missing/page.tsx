import { notFound } from "next/navigation";

// The store's not-found page (a 404) for a path that cannot be decoded, which the proxy rewrites here.
export default function MalformedPath() {
  notFound();
}
