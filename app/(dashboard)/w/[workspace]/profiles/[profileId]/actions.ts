"use server";

import { serverAction, serverQuery } from "@/lib/actions/server-action";
import { recomputeRfmDef } from "@/lib/profiles/recompute-rfm";
import { timelineQueryDef } from "@/lib/profiles/timeline-query";

export const loadTimeline = serverQuery(timelineQueryDef);
export const recomputeRfm = serverAction(recomputeRfmDef);
