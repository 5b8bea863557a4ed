"use server";

import { serverAction, serverQuery } from "@/lib/actions/server-action";
import { experimentResultsDef } from "./experiment-results";
import { setExperimentEngineDef, setWorkspaceEngineDef } from "./set-stats-engine";

export const experimentResults = serverQuery(experimentResultsDef);
export const setExperimentEngine = serverAction(setExperimentEngineDef);
export const setWorkspaceEngine = serverAction(setWorkspaceEngineDef);
