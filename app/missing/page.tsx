import { notFound } from "next/navigation";

// The app's not-found page (a 404) for a path that cannot be decoded (/w/%ff), which the proxy rewrites here.
export default function MalformedPath() {
  notFound();
}
