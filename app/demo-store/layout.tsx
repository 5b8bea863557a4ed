import type { Metadata } from "next";
import { AnnouncementBar } from "@/components/demo-store/announcement-bar";
import { PageViews } from "@/components/demo-store/page-views";
import { SdkScript } from "@/components/demo-store/sdk-script";
import { StoreHeader } from "@/components/demo-store/store-header";
import { StoreUnavailable } from "@/components/demo-store/store-unavailable";
import { demoCustomers } from "@/lib/demo-store/db/customers";
import { dashboardLink } from "@/lib/demo-store/runtime/dashboard-link";
import { decideOnPage, demoCustomer } from "@/lib/demo-store/runtime/decide-on-page";
import { demoStoreEnabled } from "@/lib/demo-store/runtime/enabled";
import { demoWorkspace } from "@/lib/demo-store/runtime/workspace";

export const metadata: Metadata = {
  title: { default: "Demo Store", template: "%s · Demo Store" },
  robots: { index: false },
};

// The public demo storefront: no sign-in, its own look, instrumented with the browser SDK.
export default async function DemoStoreLayout({ children }: { children: React.ReactNode }) {
  // the store has its own origin (lib/demo-store/store-origin.ts): the dashboard is on another
  const dashboard = await dashboardLink("/login");
  if (!demoStoreEnabled()) return <StoreUnavailable reason="off" dashboardHref={dashboard} />;
  const workspace = await demoWorkspace();
  if (!workspace) return <StoreUnavailable reason="not-seeded" dashboardHref={dashboard} />;
  // A layout is not told its path and is not re-rendered on client-side
  // navigations, so the bar is decided once per full page load, for the store.
  const [customers, customerId, decisions] = await Promise.all([
    demoCustomers(workspace.id),
    demoCustomer(),
    decideOnPage(["announcement-bar"], "/demo-store"),
  ]);
  // Still signed in as someone no longer listed (data re-seeded): keep them selectable.
  const options =
    customerId && !customers.some((c) => c.userId === customerId)
      ? [{ userId: customerId, name: customerId, segment: "signed in" }, ...customers]
      : customers;

  return (
    <div className="flex min-h-screen flex-col bg-white text-gray-900">
      <AnnouncementBar decision={decisions["announcement-bar"]} />
      <StoreHeader customers={options} customerId={customerId} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
      <footer className="border-t border-gray-100">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-6 text-xs text-gray-500 sm:px-6">
          <p>A demo shop: nothing here is for sale.</p>
          <a href={dashboard} className="font-medium text-accent-700 hover:underline">
            Open the dashboard
          </a>
        </div>
      </footer>
      <SdkScript userId={customerId} />
      <PageViews />
    </div>
  );
}
