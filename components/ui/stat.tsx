import type { ReactNode } from "react";
import { cn } from "./cn";

export type StatProps = {
  label: ReactNode;
  value: ReactNode;
  /** A short context line under the value ("last 7 days", "+12% vs last week"). */
  hint?: ReactNode;
  className?: string;
};

/** A KPI card. Several in a `grid` make the overview's headline numbers. */
export function Stat({ label, value, hint, className }: StatProps) {
  return (
    <div
      role="group"
      aria-label={typeof label === "string" ? label : undefined}
      className={cn("rounded-lg border border-gray-200 bg-white px-4 py-3 shadow-xs", className)}
    >
      <p className="text-xs font-medium text-gray-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold tracking-tight text-gray-900 tabular-nums">{value}</p>
      {hint && <p className="mt-0.5 text-xs text-gray-500">{hint}</p>}
    </div>
  );
}
