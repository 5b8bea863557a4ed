import { PrismaPg } from "@prisma/adapter-pg";
import { config } from "@/lib/config/config";
import { PrismaClient } from "@/lib/generated/prisma/client";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function instance(): PrismaClient {
  if (globalForPrisma.prisma) return globalForPrisma.prisma;
  const { DATABASE_URL: connectionString, DATABASE_POOL_SIZE: max } = config();
  if (!connectionString) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides it");
  globalForPrisma.prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
  return globalForPrisma.prisma;
}

/**
 * The one Prisma client of this process, created on first use (so a test or
 * script can set DATABASE_URL before it) and kept across hot reloads.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = instance();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** Closes the pool (scripts and tests call this before exiting). */
export async function disconnectDb(): Promise<void> {
  await globalForPrisma.prisma?.$disconnect();
  globalForPrisma.prisma = undefined;
}
