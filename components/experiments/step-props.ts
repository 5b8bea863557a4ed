import type { WizardOptions } from "@/lib/experiments/db/get-wizard-options";
import type { Editable } from "./wizard-input";
import type { WizardState } from "./wizard-state";

/** What every step of the wizard gets: the state and its setter, what to pick from, the field errors, what may change. */
export type StepProps = {
  state: WizardState;
  patch: (change: Partial<WizardState>) => void;
  options: WizardOptions;
  errors: Record<string, string[]>;
  editable: Editable;
};

/** The radio look shared by the wizard's choices. */
export const radioClasses =
  "size-4 border-gray-300 text-accent-600 focus-visible:outline-2 focus-visible:outline-accent-600";
