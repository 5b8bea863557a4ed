import type { Prisma } from "@/lib/generated/prisma/client";
import { KEYS_CHANNEL } from "../keys-channel";

/** Tells every process to forget its cached key lookups, when (and only if) the transaction commits. */
export async function notifyKeysChanged(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${KEYS_CHANNEL}, '')`;
}
