CREATE TABLE "unit_changes" (
	"unit_id" text PRIMARY KEY NOT NULL,
	"import_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"parent_id" text,
	"peer_group" text NOT NULL,
	"active_from" date,
	"active_to" date
);
--> statement-breakpoint
CREATE INDEX "unit_changes_import_idx" ON "unit_changes" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "unit_changes_parent_idx" ON "unit_changes" USING btree ("parent_id");--> statement-breakpoint
-- Decision 0057: the view shows, for a unit with a change row whose import is applied, the
-- change's values in place of the row's. A LEFT JOIN on the key keeps `id` the table's own
-- column (so a lookup or a join by id is still an index scan); the view is no longer
-- auto-updatable, and every write goes to "unit_rows" (repositories/unit-rows.ts).
DROP VIEW "units";--> statement-breakpoint
CREATE VIEW "units" AS
  SELECT r."id",
         CASE WHEN c."unit_id" IS NULL THEN r."name" ELSE c."name" END AS "name",
         CASE WHEN c."unit_id" IS NULL THEN r."type" ELSE c."type" END AS "type",
         CASE WHEN c."unit_id" IS NULL THEN r."parent_id" ELSE c."parent_id" END AS "parent_id",
         CASE WHEN c."unit_id" IS NULL THEN r."peer_group" ELSE c."peer_group" END AS "peer_group",
         CASE WHEN c."unit_id" IS NULL THEN r."active_from" ELSE c."active_from" END AS "active_from",
         CASE WHEN c."unit_id" IS NULL THEN r."active_to" ELSE c."active_to" END AS "active_to",
         r."created_at"
    FROM "unit_rows" r
    LEFT JOIN "unit_changes" c
      ON c."unit_id" = r."id"
     AND c."import_id" NOT IN (SELECT "id" FROM "import_jobs" WHERE "committed_at" IS NOT NULL AND "applied_at" IS NULL)
   WHERE r."import_id" IS NULL
      OR r."import_id" NOT IN (SELECT "id" FROM "import_jobs" WHERE "committed_at" IS NOT NULL AND "applied_at" IS NULL);
