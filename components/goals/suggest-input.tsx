"use client";

import { useId, type ComponentProps } from "react";
import { Input } from "@/components/ui/input";

/** A full-width text input offering suggestions (any text allowed); `Field` passes its id and aria props through. */
export function SuggestInput({
  suggestions,
  ...props
}: Omit<ComponentProps<typeof Input>, "list"> & { suggestions: readonly string[] }) {
  const listId = useId();
  const unique = [...new Set(suggestions)];
  return (
    <>
      <Input {...props} list={unique.length > 0 ? listId : undefined} />
      {unique.length > 0 && (
        <datalist id={listId}>
          {unique.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
    </>
  );
}
