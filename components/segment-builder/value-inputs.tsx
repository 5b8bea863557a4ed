"use client";

import { useId, useState, type ComponentProps, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { formatList, parseList } from "./comparison";

type InputProps = Omit<ComponentProps<"input">, "value" | "onChange" | "type" | "list">;

/** A word between controls of a row ("of", "and", "days"), aligned with them. */
export function Word({ children }: { children: ReactNode }) {
  return <span className="h-8 text-sm leading-8 text-gray-500">{children}</span>;
}

/** A text input offering suggestions in a `<datalist>`; any text is allowed. Empty is undefined. */
export function SuggestInput({
  value,
  onChange,
  suggestions,
  className,
  ...props
}: InputProps & {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  suggestions: readonly string[];
}) {
  const listId = useId();
  const unique = [...new Set(suggestions)];
  return (
    <>
      <Input
        {...props}
        type="text"
        list={unique.length > 0 ? listId : undefined}
        value={value ?? ""}
        onChange={(e) => onChange(e.currentTarget.value === "" ? undefined : e.currentTarget.value)}
        className={cn("w-40", className)}
      />
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

/** A number; an emptied or unreadable input is undefined (never 0, never a string). */
export function NumberInput({
  value,
  onChange,
  className,
  ...props
}: InputProps & { value: number | undefined; onChange: (value: number | undefined) => void }) {
  return (
    <Input
      {...props}
      type="number"
      value={value ?? ""}
      onChange={(e) => {
        const n = e.currentTarget.valueAsNumber;
        onChange(e.currentTarget.value === "" || !Number.isFinite(n) ? undefined : n);
      }}
      className={cn("w-24", className)}
    />
  );
}

/** A calendar date (`YYYY-MM-DD`), empty as "". */
export function DateInput({
  value,
  onChange,
  className,
  ...props
}: InputProps & { value: string | undefined; onChange: (value: string) => void }) {
  return (
    <Input
      {...props}
      type="date"
      value={value ?? ""}
      onChange={(e) => onChange(e.currentTarget.value)}
      className={cn("w-40", className)}
    />
  );
}

/**
 * A comma-separated list stored as string[]. The typed text is kept while it
 * still means the stored list, so that a trailing comma or space survives
 * typing; a list changed from outside replaces it.
 */
export function ListInput({
  values,
  onChange,
  suggestions,
  className,
  ...props
}: InputProps & {
  values: readonly string[] | undefined;
  onChange: (values: string[]) => void;
  suggestions: readonly string[];
}) {
  const [draft, setDraft] = useState(() => formatList(values));
  const stored = values ?? [];
  const parsed = parseList(draft);
  const shown = parsed.length === stored.length && parsed.every((v, i) => v === stored[i]) ? draft : formatList(stored);
  return (
    <Input
      {...props}
      type="text"
      placeholder={suggestions.length > 0 ? suggestions.slice(0, 3).join(", ") : "a, b, c"}
      value={shown}
      onChange={(e) => {
        setDraft(e.currentTarget.value);
        onChange(parseList(e.currentTarget.value));
      }}
      className={cn("w-56", className)}
    />
  );
}
