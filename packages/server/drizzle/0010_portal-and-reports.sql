CREATE TABLE "period_reports" (
	"period_id" uuid PRIMARY KEY NOT NULL,
	"options" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "periods" ADD COLUMN "public_from" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "period_reports" ADD CONSTRAINT "period_reports_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
UPDATE "periods" SET "public_from" = "published_at" WHERE "status" = 'published' AND "public_from" IS NULL;
