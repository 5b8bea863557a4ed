"use server";

import { serverQuery } from "@/lib/actions/server-action";
import { importProgressQueryDef } from "./load-import-progress";

export const loadImportProgress = serverQuery(importProgressQueryDef);
