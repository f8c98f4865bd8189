ALTER TABLE "import_jobs" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
-- Decision 0058: a running job of a server older than this one has no lease; it is given an hour
-- (no import runs that long) before a sweep may fail it.
UPDATE "import_jobs" SET "lease_until" = now() + interval '1 hour' WHERE "state" = 'running';--> statement-breakpoint
-- Pieces of no job (an upload whose request or process died) cannot take the foreign key.
DELETE FROM "import_file_chunks" c WHERE NOT EXISTS (SELECT 1 FROM "import_jobs" j WHERE j."id" = c."import_id");--> statement-breakpoint
ALTER TABLE "import_file_chunks" ADD CONSTRAINT "import_file_chunks_import_id_import_jobs_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_jobs_lease_idx" ON "import_jobs" USING btree ("lease_until") WHERE "import_jobs"."state" = 'running';