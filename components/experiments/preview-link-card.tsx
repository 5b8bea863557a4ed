"use client";

import { useId, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyField } from "@/components/ui/copy-field";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { previewLink } from "@/lib/experiments/actions";
import { formatDateTime } from "@/lib/format";

const noSubscription = () => () => {};
const browserOrigin = () => window.location.origin;
const serverOrigin = () => "";

type Props = {
  workspaceId: string;
  experimentId: string;
  variations: { id: string; name: string; key: string }[];
  /** The storefront page the link opens at first (the demo store's, when it runs); the marketer may type another. */
  defaultPath: string;
};

/**
 * "Preview a variation": a link that opens a storefront page showing one arm
 * for 24 hours to whoever opens it, recording nothing — for a colleague's
 * review before the test starts, or a check of a running one.
 */
export function PreviewLinkCard({ workspaceId, experimentId, variations, defaultPath }: Props) {
  const [variationId, setVariationId] = useState(variations[0]?.id ?? "");
  // the default page is on this origin, known only in the browser (the server renders it empty)
  const origin = useSyncExternalStore(noSubscription, browserOrigin, serverOrigin);
  const [typed, setUrl] = useState<string | null>(null);
  const url = typed ?? (defaultPath && origin ? new URL(defaultPath, origin).toString() : "");
  const titleId = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ url?: string; form?: string }>({});
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);

  async function make() {
    setPending(true);
    setError({});
    const result = await previewLink({ workspaceId, experimentId, variationId, url });
    setPending(false);
    if (result.ok) return setLink(result.data);
    setLink(null);
    const urlError = result.error.fieldErrors?.url?.[0];
    setError(urlError ? { url: urlError } : { form: result.error.message });
  }

  return (
    <Card role="region" aria-labelledby={titleId}>
      <CardHeader>
        <CardTitle id={titleId}>Preview a variation</CardTitle>
        <CardDescription>A link that shows one arm for 24 hours. Nothing it shows is recorded.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <Field label="Variation">
          <Select
            value={variationId}
            onChange={(e) => {
              setVariationId(e.target.value);
              setLink(null);
            }}
          >
            {variations.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name} ({v.key})
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Storefront page" error={error.url} hint="Where your site runs the browser SDK">
          <Input
            value={url}
            onChange={(e) => {
              setUrl(e.target.value);
              setLink(null);
            }}
            maxLength={2000}
            placeholder="https://shop.example/"
            className="font-mono text-xs"
          />
        </Field>
        <Button variant="secondary" onClick={make} disabled={pending || !variationId}>
          {pending ? "Making…" : "Make preview link"}
        </Button>
        {error.form && (
          <p role="alert" className="text-sm text-red-600">
            {error.form}
          </p>
        )}
        {link && (
          <div className="space-y-1" data-testid="preview-link">
            <CopyField label="Preview link" value={link.url} />
            <p className="text-xs text-gray-500">
              Valid until {formatDateTime(new Date(link.expiresAt))}.{" "}
              <a href={link.url} target="_blank" rel="noopener noreferrer" className="text-blue-700 underline">
                Open it
              </a>
            </p>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
