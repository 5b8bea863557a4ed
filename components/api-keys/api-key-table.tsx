"use client";

import { useAction } from "@/components/actions/use-action";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { revokeApiKey } from "@/lib/api-keys/actions";
import { formatDateTime } from "@/lib/format";

type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: { name: string } | null;
};

/** The workspace's keys by name and visible prefix (the secret is never shown again). */
export function ApiKeyTable({
  workspaceId,
  keys,
  canAdmin,
}: {
  workspaceId: string;
  keys: ApiKeyRow[];
  canAdmin: boolean;
}) {
  const revoke = useAction(revokeApiKey, { success: "Key revoked" });
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Key</TableHead>
          <TableHead>Scopes</TableHead>
          <TableHead>Created</TableHead>
          <TableHead>Last used</TableHead>
          {canAdmin ? (
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          ) : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {keys.map((k) => (
          <TableRow key={k.id} className={k.revokedAt ? "text-gray-400" : undefined}>
            <TableCell className="font-medium">
              {k.name} {k.revokedAt ? <Badge tone="danger">revoked</Badge> : null}
            </TableCell>
            <TableCell className="font-mono text-xs">{k.prefix}…</TableCell>
            <TableCell className="space-x-1">
              {k.scopes.map((s) => (
                <Badge key={s}>{s}</Badge>
              ))}
            </TableCell>
            <TableCell className="whitespace-nowrap">
              {formatDateTime(k.createdAt)}
              {k.createdBy ? ` by ${k.createdBy.name}` : ""}
            </TableCell>
            <TableCell className="whitespace-nowrap">{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : "never"}</TableCell>
            {canAdmin ? (
              <TableCell className="text-right">
                {k.revokedAt ? null : (
                  <ConfirmButton
                    label="Revoke"
                    title={`Revoke “${k.name}”?`}
                    description="Requests with this key are refused from now on. This cannot be undone."
                    pending={revoke.pending}
                    onConfirm={() => revoke.run({ workspaceId, apiKeyId: k.id })}
                  />
                )}
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
