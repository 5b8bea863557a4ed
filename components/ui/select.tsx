import type { ComponentProps } from "react";
import { cn } from "./cn";
import { ChevronDownIcon } from "./icons";
import { controlClasses } from "./input";

export type SelectProps = ComponentProps<"select"> & {
  /** Marks the value as wrong: sets aria-invalid and a red border. */
  invalid?: boolean;
};

/** A styled native `<select>`: keyboard and screen-reader behavior stay the browser's. */
export function Select({ invalid, className, children, ...props }: SelectProps) {
  return (
    <div className={cn("relative", className)}>
      <select
        aria-invalid={invalid || undefined}
        className={cn(controlClasses, "w-full appearance-none pr-8")}
        {...props}
      >
        {children}
      </select>
      <ChevronDownIcon
        size={14}
        className="pointer-events-none absolute top-1/2 right-2.5 -translate-y-1/2 text-gray-500"
      />
    </div>
  );
}
