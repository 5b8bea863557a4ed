"use server";

import { serverAction, serverQuery } from "@/lib/actions/server-action";
import { setStorePlainPiiDef } from "@/lib/workspaces/privacy";
import { importProgressQueryDef } from "@/lib/imports/progress-query";

export const loadImportProgress = serverQuery(importProgressQueryDef);
export const setStorePlainPii = serverAction(setStorePlainPiiDef);
