import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db/client";

// Every integration test file talks to the run's fresh database.
process.env.DATABASE_URL = inject("databaseUrl");

afterAll(async () => {
  await disconnectDb();
});
