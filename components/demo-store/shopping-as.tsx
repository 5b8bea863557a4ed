"use client";

import { usePathname } from "next/navigation";
import type { DemoCustomer } from "@/lib/demo-store/db/customers";
import { withSdk } from "./sdk";

/**
 * "Shopping as": pick Guest or a demo customer. A plain GET form to
 * /demo-store/sign-in (works without JavaScript); with it, the choice applies
 * at once, and the SDK forgets the previous shopper first so that two
 * customers never share one browser identity.
 */
export function ShoppingAs({ customers, current }: { customers: DemoCustomer[]; current: string | null }) {
  const pathname = usePathname();
  return (
    <form action="/demo-store/sign-in" method="get" className="flex items-center gap-2">
      <label htmlFor="shopping-as" className="text-gray-500">
        Shopping as
      </label>
      <select
        id="shopping-as"
        name="userId"
        defaultValue={current ?? ""}
        onChange={(event) => {
          const form = event.currentTarget.form;
          withSdk((sdk) => sdk.reset());
          form?.requestSubmit();
        }}
        className="max-w-56 rounded-md border border-gray-200 bg-white px-2 py-1.5 text-gray-900 focus:border-accent-500"
      >
        <option value="">Guest</option>
        {customers.map((customer) => (
          <option key={customer.userId} value={customer.userId}>
            {customer.name} — {customer.segment}
          </option>
        ))}
      </select>
      <input type="hidden" name="next" value={pathname} />
      <noscript>
        <button type="submit" className="rounded-md border border-gray-200 px-2 py-1.5">
          Switch
        </button>
      </noscript>
    </form>
  );
}
