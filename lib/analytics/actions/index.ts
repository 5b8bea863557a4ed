"use server";

import { serverQuery } from "@/lib/actions/server-action";
import { overviewDef } from "./overview";

export const overview = serverQuery(overviewDef);
