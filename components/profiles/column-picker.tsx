"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { COMPUTED_COLUMNS, DEFAULT_COLUMNS, columnsParam, isComputedColumn } from "@/lib/profiles/columns";

type Props = { selected: string[]; traitKeys: string[]; basePath: string; q?: string };

/**
 * Chooses the list's columns. The choice goes to the URL (`?cols=`), so the
 * page is rendered with it on the server and the link can be shared.
 */
export function ColumnPicker({ selected, traitKeys, basePath, q }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState(selected);
  // A computed value shadows a trait of the same name; a chosen key missing from the sample still shows.
  const traits = [...new Set([...traitKeys, ...selected.filter((key) => !isComputedColumn(key))])]
    .filter((key) => !isComputedColumn(key))
    .sort();
  const toggle = (key: string, on: boolean) =>
    setChosen((current) => (on ? [...current.filter((k) => k !== key), key] : current.filter((k) => k !== key)));
  const apply = () => {
    const params = new URLSearchParams();
    if (q) params.set("q", q);
    const cols = columnsParam(chosen);
    if (cols !== null) params.set("cols", cols);
    setOpen(false);
    router.push(params.size ? `${basePath}?${params}` : basePath);
  };
  const checkbox = (key: string, label: string) => (
    <label key={key} className="flex items-center gap-2 py-1 text-sm text-gray-800">
      <input
        type="checkbox"
        className="size-4 accent-accent-600"
        checked={chosen.includes(key)}
        onChange={(e) => toggle(key, e.target.checked)}
      />
      <span className="truncate">{label}</span>
    </label>
  );
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setChosen(selected);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary">Columns</Button>
      </DialogTrigger>
      <DialogContent
        title="Columns"
        description="Choose what the list shows. The choice is kept in the page's address, so a link to it shows the same columns."
      >
        <div className="grid gap-6 sm:grid-cols-2">
          <fieldset>
            <legend className="mb-1 text-xs font-medium text-gray-500">Computed values</legend>
            {Object.entries(COMPUTED_COLUMNS).map(([key, column]) => checkbox(key, column.label))}
          </fieldset>
          <fieldset>
            <legend className="mb-1 text-xs font-medium text-gray-500">Traits</legend>
            {traits.length > 0 ? (
              traits.map((key) => checkbox(key, key))
            ) : (
              <p className="text-sm text-gray-500">No traits yet.</p>
            )}
          </fieldset>
        </div>
        <DialogFooter>
          <Button variant="ghost" className="mr-auto" onClick={() => setChosen([...DEFAULT_COLUMNS])}>
            Reset to default
          </Button>
          <Button onClick={apply}>Apply</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
