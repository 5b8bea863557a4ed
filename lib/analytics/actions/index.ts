"use server";

import { serverQuery } from "@/lib/actions/server-action";
import { breakdownDef } from "./breakdown";
import { contentDef } from "./content";
import { funnelDef } from "./funnel";
import { liftDef } from "./lift";
import { overviewDef } from "./overview";

export const overview = serverQuery(overviewDef);
export const personalizationLift = serverQuery(liftDef);
export const breakdown = serverQuery(breakdownDef);
export const contentPerformance = serverQuery(contentDef);
export const funnel = serverQuery(funnelDef);
