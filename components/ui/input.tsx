import type { ComponentProps } from "react";
import { cn } from "./cn";

/** Shared look of text inputs and selects; `aria-[invalid=true]` turns the border red. */
export const controlClasses =
  "block h-8 rounded-md border border-gray-300 bg-white px-2.5 text-sm text-gray-900 shadow-xs " +
  "placeholder:text-gray-400 transition-colors " +
  "focus-visible:border-accent-500 focus-visible:outline-hidden focus-visible:ring-3 focus-visible:ring-accent-500/20 " +
  "disabled:cursor-not-allowed disabled:bg-gray-50 disabled:text-gray-500 " +
  "aria-[invalid=true]:border-red-500 aria-[invalid=true]:focus-visible:ring-red-500/20";

export type InputProps = ComponentProps<"input"> & {
  /** Marks the value as wrong: sets aria-invalid and a red border. */
  invalid?: boolean;
};

/** Full width unless the caller gives a width (`w-24`): class order cannot decide between two widths. */
export function Input({ invalid, className, ...props }: InputProps) {
  return (
    <input
      aria-invalid={invalid || undefined}
      className={cn(controlClasses, /(^|\s)w-/.test(className ?? "") ? null : "w-full", className)}
      {...props}
    />
  );
}
