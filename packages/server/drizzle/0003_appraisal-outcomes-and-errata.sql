CREATE TABLE "publications" (
	"period_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"decision_number" text,
	"decision_date" date,
	"reason" text,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "publications_period_id_version_pk" PRIMARY KEY("period_id","version")
);
--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_results" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "published_results" ADD COLUMN "details" jsonb;--> statement-breakpoint
ALTER TABLE "published_results" DROP CONSTRAINT "published_results_period_id_unit_type_pk";--> statement-breakpoint
ALTER TABLE "published_results" ADD CONSTRAINT "published_results_period_id_version_unit_type_pk" PRIMARY KEY("period_id","version","unit_type");--> statement-breakpoint
ALTER TABLE "entries" ADD COLUMN "appraisal_kind" text;--> statement-breakpoint
-- Periods published before versions existed: their publication is version 1, the council's decision.
INSERT INTO "publications" ("period_id", "version", "decision_number", "decision_date", "published_at", "published_by")
SELECT "id", 1, "council_decision_number", "council_decision_date", "published_at", "published_by"
FROM "periods" WHERE "status" = 'published' AND "published_at" IS NOT NULL;--> statement-breakpoint
-- Appraisals made so far were numbers: set directly, or computed from corrected facts. Where
-- corrected facts came to 0, the 0 may have stood for "not applicable" or "needs the peer
-- group": from now on those facts are evaluated again, so the change is written down.
INSERT INTO "audit_log" ("at", "actor_name", "action", "entity_type", "entity_id", "period_id", "unit_id", "code", "before", "after")
SELECT now(), 'chiso (sửa dữ liệu khi nâng cấp)', 'entry.repair', 'entry',
  "period_id" || '/' || "unit_id" || '/' || "code", "period_id", "unit_id", "code",
  jsonb_build_object('appraisedPoints', "appraised_points"),
  jsonb_build_object('appraisalKind', 'facts', 'appraisedFacts', "appraised_facts")
FROM "entries" WHERE "appraised_facts" IS NOT NULL AND "appraised_points" = 0;--> statement-breakpoint
UPDATE "entries" SET "appraisal_kind" = CASE WHEN "appraised_facts" IS NULL THEN 'points' ELSE 'facts' END
WHERE "appraised_points" IS NOT NULL;--> statement-breakpoint
-- Repair: closing a first round accepted every untouched leaf at its self points, or 0 where
-- the unit's outcome had no points (not applicable, or a rule that needs the peer group), so
-- a not-applicable leaf became 0 points. Such an acceptance has no comment, no corrected facts,
-- and the very instant the round was closed. It becomes what it meant: the unit's own outcome.
-- The leaves whose points change are written to the audit trail first.
INSERT INTO "audit_log" ("at", "actor_name", "action", "entity_type", "entity_id", "period_id", "unit_id", "code", "before", "after")
SELECT now(), 'chiso (sửa dữ liệu khi nâng cấp)', 'entry.repair', 'entry',
  e."period_id" || '/' || e."unit_id" || '/' || e."code", e."period_id", e."unit_id", e."code",
  jsonb_build_object('appraisalKind', 'points', 'appraisedPoints', e."appraised_points"),
  jsonb_build_object('appraisalKind', 'accepted', 'appraisedFacts', e."facts", 'appraisedPoints', e."self_points")
FROM "entries" e JOIN "participations" p ON p."period_id" = e."period_id" AND p."unit_id" = e."unit_id"
WHERE e."appraisal_kind" = 'points' AND e."appraisal_comment" IS NULL AND e."appraised_at" = p."appraised_at"
  AND e."self_points" IS NULL AND e."appraised_points" = 0;--> statement-breakpoint
UPDATE "entries" e SET "appraisal_kind" = 'accepted', "appraised_facts" = e."facts",
  "appraised_points" = e."self_points", "version" = e."version" + 1
FROM "participations" p
WHERE p."period_id" = e."period_id" AND p."unit_id" = e."unit_id"
  AND e."appraisal_kind" = 'points' AND e."appraisal_comment" IS NULL AND e."appraised_at" = p."appraised_at"
  AND e."appraised_points" = coalesce(e."self_points", 0);
