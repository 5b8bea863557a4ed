"use server";

import { serverQuery } from "@/lib/actions/server-action";
import { importProgressQueryDef } from "@/lib/imports/progress-query";

export const loadImportProgress = serverQuery(importProgressQueryDef);
