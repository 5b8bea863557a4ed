/** Shown instead of the shop when the demo store is off (demo mode off, or DEMO_STORE=off) or its workspace is not seeded. */
export function StoreUnavailable({ reason, dashboardHref }: { reason: "off" | "not-seeded"; dashboardHref: string }) {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center px-6 text-center">
      <h1 className="text-xl font-semibold text-gray-900">The demo store is not open</h1>
      <p className="mt-3 text-gray-600">
        {reason === "off"
          ? "It is turned off on this server (demo mode off, or DEMO_STORE=off)."
          : "Its workspace has not been created yet. Seed the demo data (npm run db:seed) and reload this page."}
      </p>
      <a href={dashboardHref} className="mt-6 font-medium text-accent-700 hover:underline">
        Open the dashboard
      </a>
    </main>
  );
}
