"use client";

import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInteger } from "@/lib/format";
import type { ImportCheckOutcome, ProfileSample } from "@/lib/imports/check";
import { issuesToCsv } from "@/lib/imports/report";

export type { ImportCheckOutcome };

const SHOWN_ISSUES = 20;

/** The refused rows as the import's report writes them, saved by the browser (nothing is stored). */
function downloadIssues(issues: ImportCheckOutcome["issues"]) {
  const url = URL.createObjectURL(new Blob([issuesToCsv(issues)], { type: "text/csv" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: "refused-rows.csv" });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
const show = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

/** One profile now and as the import would leave it, trait by trait (changed traits marked). */
function SampleProfile({ sample }: { sample: ProfileSample }) {
  const before = sample.before?.traits ?? {};
  const after = sample.after.traits;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const consent = (c: Record<string, boolean> | undefined) =>
    Object.entries(c ?? {})
      .map(([purpose, granted]) => `${purpose} ${granted ? "granted" : "refused"}`)
      .join(", ") || "—";
  return (
    <div className="rounded-md border border-gray-200 p-3">
      <p className="mb-2 text-sm font-medium">
        {sample.label || sample.profileId || "new profile"}{" "}
        <Badge tone={sample.status === "created" ? "accent" : sample.status === "changed" ? "warning" : "neutral"}>
          {sample.status === "created" ? "new profile" : sample.status}
        </Badge>
      </p>
      <table className="w-full text-xs">
        <thead>
          <tr className="text-left text-gray-500">
            <th className="w-1/3 font-medium">Trait</th>
            <th className="w-1/3 font-medium">Now</th>
            <th className="w-1/3 font-medium">After the import</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => {
            const changed = show(before[key]) !== show(after[key]);
            return (
              <tr key={key} className={changed ? "bg-amber-50" : undefined}>
                <td className="pr-2 text-gray-600">{key}</td>
                <td className="truncate pr-2">{key in before ? show(before[key]) : "—"}</td>
                <td className="truncate">{key in after ? show(after[key]) : "—"}</td>
              </tr>
            );
          })}
          <tr>
            <td className="pr-2 text-gray-600">consent</td>
            <td className="pr-2">{sample.before ? consent(sample.before.consent) : "—"}</td>
            <td>{consent(sample.after.consent)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** What the dry run found: what importing the file would do, the rows it would refuse, sample profiles. */
export function ImportCheckResult({ check }: { check: ImportCheckOutcome }) {
  const { profiles, events, orders } = check;
  const revenue = Object.entries(orders.revenue).filter(([, amount]) => amount !== 0);
  const hasOrders = orders.completed + orders.refunded + orders.cancelled > 0;
  return (
    <section aria-label="Check result" className="space-y-3 border-t border-gray-100 pt-4 text-sm">
      <p>
        <strong>
          {check.readable ? "The file was checked; nothing was written." : "The file cannot be imported:"}
        </strong>{" "}
        {check.problem ??
          `${formatInteger(check.importableRows)} of ${formatInteger(check.totalRows)} rows would import, ${formatInteger(check.refusedRows)} would be refused.`}
      </p>
      <ul className="grid grid-cols-2 gap-x-6 gap-y-1 md:grid-cols-4" aria-label="What the import would do">
        <li>
          <strong className="tabular-nums">{formatInteger(profiles.created)}</strong> profiles created
        </li>
        <li>
          <strong className="tabular-nums">{formatInteger(profiles.changed)}</strong> profiles changed
        </li>
        <li>
          <strong className="tabular-nums">{formatInteger(profiles.merged)}</strong> profiles merged into others
        </li>
        <li>
          <strong className="tabular-nums">{formatInteger(profiles.unchanged)}</strong> profiles unchanged
        </li>
        <li>
          <strong className="tabular-nums">{formatInteger(events.new)}</strong> new events
        </li>
        <li>
          <strong className="tabular-nums">{formatInteger(events.alreadyImported)}</strong> already imported
        </li>
        <li>
          <strong className="tabular-nums">{formatInteger(check.consentChanges)}</strong> consent changes
        </li>
        {events.droppedForConsent > 0 ? (
          <li>
            <strong className="tabular-nums">{formatInteger(events.droppedForConsent)}</strong> not stored (no analytics
            consent)
          </li>
        ) : null}
        {hasOrders ? (
          <>
            <li>
              <strong className="tabular-nums">{formatInteger(orders.completed)}</strong> orders
            </li>
            <li>
              <strong className="tabular-nums">{formatInteger(orders.items)}</strong> order items
            </li>
            <li>
              <strong className="tabular-nums">{formatInteger(orders.refunded)}</strong> refunded (no revenue)
            </li>
            <li>
              <strong className="tabular-nums">{formatInteger(orders.cancelled)}</strong> cancelled (no revenue)
            </li>
          </>
        ) : null}
      </ul>
      {revenue.length > 0 ? (
        <p>
          Revenue of the new orders, per currency (never added across currencies):{" "}
          {revenue
            .map(
              ([currency, amount]) =>
                `${currency || "no currency"} ${amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`,
            )
            .join(" · ")}
        </p>
      ) : null}
      {check.issues.length > 0 ? (
        <>
          <p>
            <span className="font-medium">Rows that would be refused</span>
            {check.issues.length > SHOWN_ISSUES
              ? ` (the first ${SHOWN_ISSUES} of ${formatInteger(check.issues.length)})`
              : ""}{" "}
            <button
              type="button"
              className="font-medium text-indigo-700 hover:underline"
              onClick={() => downloadIssues(check.issues)}
            >
              Download {check.refusedRows > check.issues.length ? "the first 10,000" : "every one"} (CSV)
            </button>
          </p>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Line</TableHead>
                <TableHead>Field</TableHead>
                <TableHead>Reason</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {check.issues.slice(0, SHOWN_ISSUES).map((issue, i) => (
                <TableRow key={i}>
                  <TableCell className="tabular-nums">{issue.line}</TableCell>
                  <TableCell>{issue.field || "—"}</TableCell>
                  <TableCell>{issue.reason}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      ) : null}
      {check.samples.length > 0 ? (
        <>
          <p className="font-medium">Sample profiles, now and after the import</p>
          <div className="grid grid-cols-1 gap-3 lg:grid-cols-2">
            {check.samples.map((sample, i) => (
              <SampleProfile key={i} sample={sample} />
            ))}
          </div>
        </>
      ) : null}
    </section>
  );
}
