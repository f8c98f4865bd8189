ALTER TABLE "import_jobs" ADD COLUMN "applied_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "import_rows" ADD COLUMN "deferred" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "import_jobs_unapplied_idx" ON "import_jobs" USING btree ("id") WHERE "import_jobs"."committed_at" is not null and "import_jobs"."applied_at" is null;--> statement-breakpoint
-- Decision 0054: every reader asks "units", now a view over the rows without the ones a decided
-- units import has written but not yet made visible. The table keeps its keys, index and the
-- foreign keys that point to it (they follow the rename); drizzle's schema still names "units".
ALTER TABLE "units" RENAME TO "unit_rows";--> statement-breakpoint
ALTER TABLE "unit_rows" ADD COLUMN "import_id" uuid;--> statement-breakpoint
UPDATE "import_jobs" SET "applied_at" = coalesce("finished_at", "committed_at") WHERE "committed_at" IS NOT NULL AND "state" <> 'running';--> statement-breakpoint
CREATE VIEW "units" AS
  SELECT "id", "name", "type", "parent_id", "peer_group", "active_from", "active_to", "created_at"
    FROM "unit_rows"
   WHERE "import_id" IS NULL
      OR "import_id" NOT IN (SELECT "id" FROM "import_jobs" WHERE "committed_at" IS NOT NULL AND "applied_at" IS NULL);
