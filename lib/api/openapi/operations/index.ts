import type { ApiArea } from "../operation";
import { consentArea } from "./consent";
import { decideArea } from "./decide";
import { experimentsArea } from "./experiments";
import { goalsArea } from "./goals";
import { ingestArea } from "./ingest";
import { meArea } from "./me";
import { referenceArea } from "./reference";

/**
 * Every area of the public API, in the document's order: one file of this
 * folder each. A new area (a new file with `defineApiArea`) is added here;
 * the tests fail for a route under app/api/v1 that no area documents.
 */
export const API_AREAS: readonly ApiArea[] = [
  ingestArea,
  consentArea,
  decideArea,
  meArea,
  experimentsArea,
  goalsArea,
  referenceArea,
];
