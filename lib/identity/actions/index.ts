"use server";

import { serverAction } from "@/lib/actions/server-action";
import { createIdentitySecretDef } from "./create-identity-secret";
import { expireIdentitySecretDef } from "./expire-identity-secret";
import { setRequestTraitsDef, setRequireSignedUserIdsDef } from "./set-identity-verification";

export const createIdentitySecret = serverAction(createIdentitySecretDef);
export const expireIdentitySecret = serverAction(expireIdentitySecretDef);
export const setRequireSignedUserIds = serverAction(setRequireSignedUserIdsDef);
export const setRequestTraits = serverAction(setRequestTraitsDef);
