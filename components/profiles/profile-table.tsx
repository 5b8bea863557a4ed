import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import { columnLabel, columnText, isNumericColumn, type ProfileListRow } from "@/lib/profiles/columns";
import { profileDisplayName } from "@/lib/profiles/display";

/** The profiles list: who (a link to the profile), then the columns the marketer chose. */
export function ProfileTable({
  rows,
  columns,
  workspaceSlug,
}: {
  rows: ProfileListRow[];
  columns: string[];
  workspaceSlug: string;
}) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Profile</TableHead>
          {columns.map((key) => (
            <TableHead key={key} className={cn(isNumericColumn(key) && "text-right")}>
              {columnLabel(key)}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => {
          const name = profileDisplayName(row.traits);
          return (
            <TableRow key={row.id}>
              <TableCell className="font-medium whitespace-nowrap">
                <Link href={`/w/${workspaceSlug}/profiles/${row.id}`} className="text-accent-700 hover:underline">
                  {name ?? <span className="text-gray-500">Anonymous visitor</span>}
                </Link>
              </TableCell>
              {columns.map((key) => {
                const text = columnText(row, key);
                return (
                  <TableCell
                    key={key}
                    className={cn("max-w-64 truncate", isNumericColumn(key) && "text-right tabular-nums")}
                    title={text.length > 40 ? text : undefined}
                  >
                    {text || <span className="text-gray-400">—</span>}
                  </TableCell>
                );
              })}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
