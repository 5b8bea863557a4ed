"use server";

import { serverAction } from "@/lib/actions/server-action";
import { setCorsOriginsDef } from "./set-cors-origins";
import { setStorePlainPiiDef } from "./set-store-plain-pii";

export const setCorsOrigins = serverAction(setCorsOriginsDef);
export const setStorePlainPii = serverAction(setStorePlainPiiDef);
