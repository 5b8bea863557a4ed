"use server";

import { serverAction, serverQuery } from "@/lib/actions/server-action";
import { experimentStatsDef } from "./experiment-stats";
import { explainArmDef } from "./explain-arm";
import { previewLinkDef } from "./preview-link";
import { saveExperimentDef } from "./save-experiment";
import { saveLayerDef } from "./save-layer";
import { setHoldoutDef } from "./set-holdout";
import { stepExperimentDef } from "./step-experiment";

export const saveExperiment = serverAction(saveExperimentDef);
export const stepExperiment = serverAction(stepExperimentDef);
export const saveLayer = serverAction(saveLayerDef);
export const setHoldout = serverAction(setHoldoutDef);
export const explainArm = serverQuery(explainArmDef);
export const previewLink = serverQuery(previewLinkDef);
export const experimentStats = serverQuery(experimentStatsDef);
