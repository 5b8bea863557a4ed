-- The workspace's time zone (an IANA name, as Postgres' pg_timezone_names knows it): the overview's days, its
-- presets ("today", "last 7 days") and its daily series are counted in it.
ALTER TABLE "workspaces" ADD COLUMN "time_zone" TEXT NOT NULL DEFAULT 'UTC';
