import Link from "next/link";

// An unknown product or category, inside the storefront's own layout.
export default function DemoStoreNotFound() {
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">We could not find that page</h1>
      <p className="mt-2 text-gray-600">The product or category may have moved.</p>
      <Link href="/demo-store" className="mt-6 inline-block font-medium text-accent-700 hover:underline">
        Back to the store
      </Link>
    </div>
  );
}
