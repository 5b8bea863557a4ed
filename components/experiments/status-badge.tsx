import { Badge } from "@/components/ui/badge";
import { STATUS_LABELS, STATUS_TONES } from "./labels";
import type { ExperimentStatus } from "./wizard-input";

/** An experiment's status as a coloured badge. */
export function ExperimentStatusBadge({ status }: { status: ExperimentStatus }) {
  return (
    <Badge tone={STATUS_TONES[status]} data-testid="experiment-status">
      {STATUS_LABELS[status]}
    </Badge>
  );
}
