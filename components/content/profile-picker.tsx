"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { lookupProfiles } from "@/lib/content/actions";
import { useDebounced } from "@/components/segments/use-debounced";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { PickedProfile } from "./audience";

type Props = { workspaceId: string; value: PickedProfile | null; onChange: (profile: PickedProfile | null) => void };

/** Finds a real profile to preview as: search by email, id or trait value, then pick one of the results. */
export function ProfilePicker({ workspaceId, value, onChange }: Props) {
  const [q, setQ] = useState("");
  const settled = useDebounced(q, 300);
  const results = useQuery({
    queryKey: ["content-profile-lookup", workspaceId, settled],
    queryFn: async () => {
      const result = await lookupProfiles({ workspaceId, q: settled });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    enabled: value === null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const searching = q !== settled || results.isPlaceholderData;
  if (value) {
    return (
      <div className="flex items-center justify-between gap-2 rounded-md border border-gray-200 bg-gray-50 px-3 py-2 text-sm">
        <span className="min-w-0 truncate">
          As{" "}
          <strong className="font-medium text-gray-900" data-testid="preview-profile">
            {value.label}
          </strong>
        </span>
        <Button variant="ghost" size="sm" onClick={() => onChange(null)}>
          Change
        </Button>
      </div>
    );
  }
  return (
    <div className="space-y-2">
      <Field label="Find a profile" hint="Email, user id or a trait value">
        <Input type="search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={200} autoComplete="off" />
      </Field>
      {results.isError && <p className="text-sm text-red-600">{results.error.message}</p>}
      {/* results of an earlier search are not offered while the one typed is under way: a click must pick what the search says */}
      {searching && <p className="text-sm text-gray-500">Searching…</p>}
      {!searching && results.data && results.data.length === 0 && (
        <p className="text-sm text-gray-500">No profile matches.</p>
      )}
      {!searching && results.data && results.data.length > 0 && (
        <ul aria-label="Profiles" className="space-y-1">
          {results.data.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                onClick={() => onChange({ id: p.id, label: p.label })}
                className="flex w-full items-baseline justify-between gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-accent-600"
              >
                <span className="truncate font-medium text-gray-900">{p.label}</span>
                <span className="shrink-0 text-xs text-gray-500">
                  {[p.country, `${p.orders} ${p.orders === 1 ? "order" : "orders"}`].filter(Boolean).join(" · ")}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
