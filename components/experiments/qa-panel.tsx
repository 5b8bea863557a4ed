"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { EMPTY_VISITOR, visitorInput, type PickedProfile, type VisitorDraft } from "@/components/content/audience";
import { ProfilePicker } from "@/components/content/profile-picker";
import { VisitorFields } from "@/components/content/visitor-fields";
import { useDebounced } from "@/components/segments/use-debounced";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { explainArm } from "@/lib/experiments/actions";
import { explainInWords, type ExplainContext } from "./explain-text";

const toggle = (on: boolean) =>
  cn(
    "flex-1 rounded px-2 py-1 text-sm font-medium",
    on ? "bg-white text-gray-900 shadow-xs" : "text-gray-600 hover:text-gray-900",
  );

type Props = { workspaceId: string; experimentId: string; context: ExplainContext };

/**
 * "Check a visitor": which arm a real profile or a made-up visitor gets and
 * why (holdout, consent, targeting, schedule, stored assignment, layer slice,
 * coverage, hash), decided as the storefront would, 300 ms after each change.
 */
export function QaPanel({ workspaceId, experimentId, context }: Props) {
  const [mode, setMode] = useState<"profile" | "visitor">("visitor");
  const [profile, setProfile] = useState<PickedProfile | null>(null);
  const [anonymousId, setAnonymousId] = useState("");
  const [userId, setUserId] = useState("");
  const [visitor, setVisitor] = useState<VisitorDraft>(EMPTY_VISITOR);
  const as = useMemo(() => {
    if (mode === "profile") return profile ? { kind: "profile" as const, profileId: profile.id } : null;
    if (!anonymousId.trim()) return null;
    const made = visitorInput(visitor);
    if (made.kind !== "visitor") return null;
    return {
      kind: "visitor" as const,
      anonymousId: anonymousId.trim(),
      userId: userId.trim() || undefined,
      traits: made.traits,
      context: made.context,
    };
  }, [mode, profile, anonymousId, userId, visitor]);
  const settled = useDebounced(as, 300);
  const answer = useQuery({
    queryKey: ["experiment-explain", workspaceId, experimentId, settled],
    queryFn: async () => {
      const result = await explainArm({ workspaceId, experimentId, as: settled! });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    enabled: settled !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const stale = answer.isFetching || settled !== as;
  const words = answer.data ? explainInWords(answer.data, context) : null;
  return (
    <Card aria-busy={stale}>
      <CardHeader>
        <CardTitle>Check a visitor</CardTitle>
        <CardDescription>Which arm they get, and why.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <div role="group" aria-label="Check as" className="flex gap-1 rounded-md bg-gray-100 p-1">
          <button
            type="button"
            aria-pressed={mode === "profile"}
            className={toggle(mode === "profile")}
            onClick={() => setMode("profile")}
          >
            A profile
          </button>
          <button
            type="button"
            aria-pressed={mode === "visitor"}
            className={toggle(mode === "visitor")}
            onClick={() => setMode("visitor")}
          >
            A made-up visitor
          </button>
        </div>
        {mode === "profile" ? (
          <ProfilePicker workspaceId={workspaceId} value={profile} onChange={setProfile} />
        ) : (
          <div className="space-y-3">
            <div className="flex items-end gap-2">
              <Field label="Anonymous id" className="min-w-0 flex-1">
                <Input
                  value={anonymousId}
                  onChange={(e) => setAnonymousId(e.target.value)}
                  maxLength={200}
                  className="font-mono"
                  autoComplete="off"
                />
              </Field>
              <Button
                variant="secondary"
                onClick={() => setAnonymousId(`qa-${Math.random().toString(36).slice(2, 10)}`)}
              >
                Make one up
              </Button>
            </div>
            <Field label="User id" hint="Optional: as if signed in">
              <Input value={userId} onChange={(e) => setUserId(e.target.value)} maxLength={200} className="font-mono" />
            </Field>
            <VisitorFields value={visitor} onChange={setVisitor} />
          </div>
        )}
        <div className={cn("border-t border-gray-100 pt-4 transition-opacity", stale && "opacity-60")}>
          {as === null ? (
            <p className="text-sm text-gray-500">
              {mode === "profile" ? "Pick a profile to see its arm." : "Type or make up an anonymous id."}
            </p>
          ) : answer.isError ? (
            <p className="text-sm text-red-600">{answer.error.message}</p>
          ) : words && answer.data ? (
            <div aria-live="polite" className="space-y-1" data-testid="qa-answer">
              <p className="text-sm font-semibold text-gray-900" data-testid="qa-headline">
                {words.headline}
              </p>
              <p className="text-sm text-gray-700">{words.detail}</p>
              {answer.data.unitId && (
                <p className="text-xs text-gray-500">
                  Unit <code className="font-mono">{answer.data.unitId}</code>
                </p>
              )}
              {answer.data.asIfRunning && (
                <p className="text-xs text-amber-700">A draft: this is how it would decide once started.</p>
              )}
            </div>
          ) : (
            <p className="text-sm text-gray-500">Deciding…</p>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
