"use server";

import { serverAction } from "@/lib/actions/server-action";
import { setCorsOriginsDef } from "./set-cors-origins";
import { setStorePlainPiiDef } from "./set-store-plain-pii";
import { setTimeZoneDef } from "./set-time-zone";

export const setCorsOrigins = serverAction(setCorsOriginsDef);
export const setStorePlainPii = serverAction(setStorePlainPiiDef);
export const setTimeZone = serverAction(setTimeZoneDef);
