"use server";

import { serverAction, serverQuery } from "@/lib/actions/server-action";
import { importProgressQueryDef } from "./load-import-progress";
import { undoImportDef } from "./undo-import";

export const loadImportProgress = serverQuery(importProgressQueryDef);
export const undoImport = serverAction(undoImportDef);
