"use server";

import { serverAction, serverQuery } from "@/lib/actions/server-action";
import { createPlacementDef } from "@/lib/content/queries/actions/create-placement";
import {
  deleteExperienceDef,
  moveExperienceDef,
  setExperienceStatusDef,
} from "@/lib/content/queries/actions/experience-state";
import { saveExperienceDef } from "@/lib/content/queries/actions/save-experience";
import { setKillSwitchDef } from "@/lib/content/queries/actions/set-kill-switch";
import { updatePlacementDef } from "@/lib/content/queries/actions/update-placement";
import { previewDecisionDef } from "@/lib/content/queries/preview-decision";
import { profileLookupDef } from "@/lib/content/queries/profile-lookup";

export const createPlacement = serverAction(createPlacementDef);
export const updatePlacement = serverAction(updatePlacementDef);
export const setKillSwitch = serverAction(setKillSwitchDef);
export const saveExperience = serverAction(saveExperienceDef);
export const setExperienceStatus = serverAction(setExperienceStatusDef);
export const moveExperience = serverAction(moveExperienceDef);
export const deleteExperience = serverAction(deleteExperienceDef);
export const previewDecision = serverQuery(previewDecisionDef);
export const lookupProfiles = serverQuery(profileLookupDef);
