CREATE TABLE "monitoring_rows" (
	"snapshot_id" uuid NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"expected_points" numeric(14, 6),
	"source" text NOT NULL,
	"reason" text,
	"reason_text" text,
	"office_id" uuid,
	CONSTRAINT "monitoring_rows_snapshot_id_code_pk" PRIMARY KEY("snapshot_id","code")
);
--> statement-breakpoint
CREATE TABLE "monitoring_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"framework_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"as_of" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monitoring_rows" ADD CONSTRAINT "monitoring_rows_snapshot_id_monitoring_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."monitoring_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_rows" ADD CONSTRAINT "monitoring_rows_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_snapshots" ADD CONSTRAINT "monitoring_snapshots_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_snapshots" ADD CONSTRAINT "monitoring_snapshots_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;