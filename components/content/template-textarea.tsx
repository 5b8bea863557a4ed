import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

/** A monospaced textarea for a content template; `aria-invalid` (set by `Field`) turns the border red. */
export function TemplateTextarea({ className, rows = 12, ...props }: ComponentProps<"textarea">) {
  return (
    <textarea
      rows={rows}
      spellCheck={false}
      autoCapitalize="off"
      autoCorrect="off"
      className={cn(
        "block w-full rounded-md border border-gray-300 bg-white px-3 py-2 font-mono text-xs leading-5 text-gray-900 shadow-xs",
        "focus-visible:border-accent-500 focus-visible:ring-3 focus-visible:ring-accent-500/20 focus-visible:outline-hidden",
        "read-only:bg-gray-50 aria-[invalid=true]:border-red-500",
        className,
      )}
      {...props}
    />
  );
}

/** The one-line reminder of what a template can say, shown under its textarea. */
export function TemplateHelp() {
  return (
    <>
      Variables: <code>{"{{ first_name }}"}</code>, <code>{'{{ traits.city | default: "your city" }}'}</code>,{" "}
      <code>{"{{ computed.orders }}"}</code>, <code>{"{{ context.country }}"}</code>. Filters: default, upcase,
      downcase, capitalize, truncate, money, date.
    </>
  );
}
