"use client";

import { useAction } from "@/components/actions/use-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { expireIdentitySecret, setRequireSignedUserIds } from "@/lib/identity/actions";
import type { IdentitySettings } from "@/lib/identity/db/identity-settings";
import { formatDateTime } from "@/lib/format";
import { NewSecretDialog } from "./new-secret-dialog";

/** Whether browser calls must sign their user ids, what arrived lately, and the secrets that sign them. */
export function IdentityVerification({
  workspaceId,
  settings,
  canAdmin,
}: {
  workspaceId: string;
  settings: Pick<IdentitySettings, "requireSignedUserIds" | "secrets" | "lastSevenDays">;
  canAdmin: boolean;
}) {
  const require = useAction(setRequireSignedUserIds, {
    success: (d) => (d.required ? "Signed user ids are required" : "Unsigned user ids are accepted again"),
  });
  const expire = useAction(expireIdentitySecret, { success: "The old secret no longer verifies" });
  const { verified, unverified } = settings.lastSevenDays;
  const required = settings.requireSignedUserIds;
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          Signed user ids{" "}
          {required ? <Badge tone="success">required</Badge> : <Badge tone="warning">not required</Badge>}
        </CardTitle>
        <CardDescription>
          A client key is in every storefront page, so anyone can send any user id with it. A user id from the browser
          counts only with its signature, made by your server with an identity secret; without one, the visitor is
          treated as the anonymous visitor they are: no customer&apos;s profile is read or joined.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <p className="text-sm" aria-label="Calls in the last 7 days">
          In the last 7 days, <strong>{unverified.toLocaleString("en-US")}</strong> calls with a client key named a user
          id without a valid signature and <strong>{verified.toLocaleString("en-US")}</strong> with one.
          {!required && unverified > 0
            ? " Requiring signatures would treat those unsigned calls as anonymous visitors: sign user ids on your server first."
            : ""}
        </p>
        {canAdmin ? (
          <div className="flex flex-wrap gap-2">
            {required ? (
              <ConfirmButton
                label="Stop requiring signatures"
                title="Accept unsigned user ids?"
                description="Anyone holding your client key could then read a customer's personalized content by typing their user id."
                pending={require.pending}
                onConfirm={() => require.run({ workspaceId, required: false })}
              />
            ) : (
              <Button
                size="sm"
                loading={require.pending}
                onClick={() => void require.run({ workspaceId, required: true })}
              >
                Require signed user ids
              </Button>
            )}
            <NewSecretDialog workspaceId={workspaceId} replacing={settings.secrets.length > 0} />
          </div>
        ) : null}
        {settings.secrets.length === 0 ? (
          <p className="text-sm text-gray-500">No identity secret yet: no user id can be signed.</p>
        ) : (
          <Table aria-label="Identity secrets">
            <TableHeader>
              <TableRow>
                <TableHead>Secret</TableHead>
                <TableHead>Created</TableHead>
                <TableHead>Verifies</TableHead>
                {canAdmin ? (
                  <TableHead>
                    <span className="sr-only">Actions</span>
                  </TableHead>
                ) : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {settings.secrets.map((s) => (
                <TableRow key={s.id}>
                  <TableCell className="font-mono text-xs">{s.prefix}…</TableCell>
                  <TableCell className="whitespace-nowrap">
                    {formatDateTime(s.createdAt)}
                    {s.createdBy ? ` by ${s.createdBy.name}` : ""}
                  </TableCell>
                  <TableCell>{s.expiresAt ? `until ${formatDateTime(s.expiresAt)}` : <Badge>current</Badge>}</TableCell>
                  {canAdmin ? (
                    <TableCell className="text-right">
                      {s.expiresAt ? (
                        <ConfirmButton
                          label="End now"
                          title={`Stop verifying ${s.prefix}…?`}
                          description="User ids signed with it no longer count from now on."
                          pending={expire.pending}
                          onConfirm={() => expire.run({ workspaceId, secretId: s.id })}
                        />
                      ) : null}
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
