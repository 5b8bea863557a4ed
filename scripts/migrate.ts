// npm run db:migrate: applies pending migrations to DATABASE_URL (npm start does it by itself).
import { migrateDatabase } from "@/lib/db/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: it names the database to migrate");
  process.exit(2);
}
await migrateDatabase(url);
console.log("migrations applied");
