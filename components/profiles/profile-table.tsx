import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";

type ProfileRow = { id: string; traits: unknown; firstSeenAt: Date; lastSeenAt: Date };

const text = (traits: Record<string, unknown>, key: string) => (typeof traits[key] === "string" ? (traits[key] as string) : "");
const TIER_TONE = { platinum: "accent", gold: "warning", silver: "neutral" } as const;

/** The profiles list: who, where from, loyalty, and when they were last seen. */
export function ProfileTable({ rows }: { rows: ProfileRow[] }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Email</TableHead>
          <TableHead>Location</TableHead>
          <TableHead>Loyalty</TableHead>
          <TableHead>First seen</TableHead>
          <TableHead>Last seen</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => {
          const traits = (row.traits ?? {}) as Record<string, unknown>;
          const name = [text(traits, "first_name"), text(traits, "last_name")].filter(Boolean).join(" ");
          const tier = text(traits, "loyalty_tier");
          return (
            <TableRow key={row.id}>
              <TableCell className="font-medium">{name || <span className="text-gray-400">Anonymous</span>}</TableCell>
              <TableCell>{text(traits, "email") || "—"}</TableCell>
              <TableCell>{[text(traits, "city"), text(traits, "country")].filter(Boolean).join(", ") || "—"}</TableCell>
              <TableCell>{tier && tier !== "none" ? <Badge tone={TIER_TONE[tier as keyof typeof TIER_TONE] ?? "neutral"}>{tier}</Badge> : "—"}</TableCell>
              <TableCell className="whitespace-nowrap text-gray-500">{formatDateTime(row.firstSeenAt)}</TableCell>
              <TableCell className="whitespace-nowrap text-gray-500">{formatDateTime(row.lastSeenAt)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
