"use server";

import { serverAction, serverQuery } from "@/lib/actions/server-action";
import { recomputeRfmDef } from "./recompute-rfm";
import { timelineQueryDef } from "./load-timeline";

export const loadTimeline = serverQuery(timelineQueryDef);
export const recomputeRfm = serverAction(recomputeRfmDef);
