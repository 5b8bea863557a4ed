"use server";

import { serverAction, serverQuery } from "@/lib/actions/server-action";
import { createPlacementDef } from "./create-placement";
import { deleteExperienceDef, moveExperienceDef, setExperienceStatusDef } from "./experience-state";
import { saveExperienceDef } from "./save-experience";
import { setKillSwitchDef } from "./set-kill-switch";
import { updatePlacementDef } from "./update-placement";
import { previewDecisionDef } from "./preview-decision";
import { profileLookupDef } from "./lookup-profiles";

export const createPlacement = serverAction(createPlacementDef);
export const updatePlacement = serverAction(updatePlacementDef);
export const setKillSwitch = serverAction(setKillSwitchDef);
export const saveExperience = serverAction(saveExperienceDef);
export const setExperienceStatus = serverAction(setExperienceStatusDef);
export const moveExperience = serverAction(moveExperienceDef);
export const deleteExperience = serverAction(deleteExperienceDef);
export const previewDecision = serverQuery(previewDecisionDef);
export const lookupProfiles = serverQuery(profileLookupDef);
