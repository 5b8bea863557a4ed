import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { registerSubscribers } from "@/server/subscribers";

// Every integration test file talks to the run's fresh database.
process.env.DATABASE_URL = inject("databaseUrl");
// What the app and the decision server do at start: domains listen to each other's signals.
registerSubscribers();

afterAll(async () => {
  await disconnectDb();
});
