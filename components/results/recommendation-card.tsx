"use client";

import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { formatInteger } from "@/lib/format";
import type { Recommendation } from "@/lib/results/types";
import { RollOutButton } from "./roll-out-button";
import { VERDICTS } from "./tones";

/**
 * The recommendation in plain words with its verdict; for a winner, the
 * button that rolls it out (editors, while the experiment runs or is paused).
 * Once stopped with a winner, that winner is shown as rolled out instead.
 */
export function RecommendationCard({
  recommendation,
  workspaceId,
  experimentId,
  canEdit,
  status,
  rolledOut,
  names,
  onRolledOut,
}: {
  recommendation: Recommendation;
  workspaceId: string;
  experimentId: string;
  canEdit: boolean;
  status: string;
  /** The winner the experiment was stopped with, if any. */
  rolledOut: { id: string; name: string } | null;
  names: Map<string, string>;
  onRolledOut: () => void;
}) {
  const verdict = VERDICTS[recommendation.verdict];
  const winnerId = recommendation.verdict === "ship" ? recommendation.winnerVariationId : null;
  const winner = winnerId ? { id: winnerId, name: names.get(winnerId) ?? "the winner" } : null;
  const live = status === "running" || status === "paused";
  return (
    <Card data-testid="recommendation" aria-labelledby="recommendation-heading" role="region">
      <CardContent className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 flex-1 space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id="recommendation-heading" className="text-sm font-semibold text-gray-900">
              Recommendation
            </h2>
            <Badge tone={verdict.tone} data-testid="verdict" data-verdict={recommendation.verdict} className="text-sm">
              {verdict.label}
            </Badge>
            {recommendation.daysRemaining !== null && (
              <span className="text-xs text-gray-500">
                about {formatInteger(recommendation.daysRemaining)} more{" "}
                {recommendation.daysRemaining === 1 ? "day" : "days"}
              </span>
            )}
          </div>
          <p className="max-w-3xl text-base text-gray-800" data-testid="recommendation-text">
            {recommendation.text}
          </p>
          {rolledOut && (
            <p className="text-sm font-medium text-green-700" data-testid="rolled-out">
              {rolledOut.name} is rolled out: its content is served to everyone the experiment targets.
            </p>
          )}
        </div>
        {winner && canEdit && live && (
          <RollOutButton workspaceId={workspaceId} experimentId={experimentId} winner={winner} onDone={onRolledOut} />
        )}
      </CardContent>
    </Card>
  );
}
