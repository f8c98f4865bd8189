CREATE TABLE "improvement_plan_approvals" (
	"plan_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	"approved_by" uuid,
	"approved_by_name" text,
	"snapshot" jsonb NOT NULL,
	CONSTRAINT "improvement_plan_approvals_plan_id_number_pk" PRIMARY KEY("plan_id","number")
);
--> statement-breakpoint
CREATE TABLE "improvement_plan_rows" (
	"plan_id" uuid NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"target" numeric(14, 6),
	"tasks" text,
	"lead_office_id" uuid,
	"supporting_office_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"time_frame" text,
	"deadline" date,
	CONSTRAINT "improvement_plan_rows_plan_id_code_pk" PRIMARY KEY("plan_id","code")
);
--> statement-breakpoint
CREATE TABLE "improvement_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"period_id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"plan_year" integer NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"requirements" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"approved_version" integer DEFAULT 0 NOT NULL,
	"target_points" numeric(14, 6),
	"target_percent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "improvement_plans_unit_period_unique" UNIQUE("unit_id","period_id")
);
--> statement-breakpoint
ALTER TABLE "improvement_plan_approvals" ADD CONSTRAINT "improvement_plan_approvals_plan_id_improvement_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."improvement_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plan_rows" ADD CONSTRAINT "improvement_plan_rows_plan_id_improvement_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."improvement_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plan_rows" ADD CONSTRAINT "improvement_plan_rows_lead_office_id_offices_id_fk" FOREIGN KEY ("lead_office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plans" ADD CONSTRAINT "improvement_plans_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plans" ADD CONSTRAINT "improvement_plans_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plans" ADD CONSTRAINT "improvement_plans_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "improvement_plans_period_idx" ON "improvement_plans" USING btree ("period_id");