CREATE TABLE "rate_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"unit_id" text NOT NULL,
	"code" text NOT NULL,
	"respondent_name" text,
	"respondent_info" text,
	"frame_id" uuid,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" uuid NOT NULL,
	"answered_on" date,
	CONSTRAINT "survey_codes_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "survey_devices" (
	"survey_id" uuid NOT NULL,
	"unit_id" text NOT NULL,
	"device_hash" text NOT NULL,
	CONSTRAINT "survey_devices_survey_id_unit_id_device_hash_pk" PRIMARY KEY("survey_id","unit_id","device_hash")
);
--> statement-breakpoint
CREATE TABLE "survey_drafts" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"survey_id" uuid NOT NULL,
	"unit_id" text NOT NULL,
	"code_id" uuid,
	"answers" smallint[] NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_frame" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"unit_id" text NOT NULL,
	"full_name" text NOT NULL,
	"contact" text,
	"procedure" text,
	"completed_on" date,
	"sampled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_links" (
	"survey_id" uuid NOT NULL,
	"unit_id" text NOT NULL,
	"token" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_links_survey_id_unit_id_pk" PRIMARY KEY("survey_id","unit_id"),
	CONSTRAINT "survey_links_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "survey_rechecks" (
	"response_id" uuid PRIMARY KEY NOT NULL,
	"answers" smallint[] NOT NULL,
	"differences" integer[] NOT NULL,
	"status" text NOT NULL,
	"entered_by" uuid NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"unit_id" text NOT NULL,
	"channel" text NOT NULL,
	"answers" smallint[] NOT NULL,
	"form_number" text,
	"batch" text,
	"submitted_on" date NOT NULL,
	"entered_by" uuid,
	CONSTRAINT "survey_responses_form" UNIQUE("survey_id","form_number")
);
--> statement-breakpoint
CREATE TABLE "survey_tallies" (
	"survey_id" uuid NOT NULL,
	"unit_id" text NOT NULL,
	"responses" integer NOT NULL,
	"counts" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_tallies_survey_id_unit_id_pk" PRIMARY KEY("survey_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "survey_targets" (
	"survey_id" uuid NOT NULL,
	"unit_id" text NOT NULL,
	"target" integer NOT NULL,
	"population" integer,
	CONSTRAINT "survey_targets_survey_id_unit_id_pk" PRIMARY KEY("survey_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"respondent_group" text NOT NULL,
	"group_label" text NOT NULL,
	"rated_unit_type" text NOT NULL,
	"questions" jsonb NOT NULL,
	"sipas" jsonb,
	"status" text DEFAULT 'draft' NOT NULL,
	"recheck_percent" integer DEFAULT 10 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey_codes" ADD CONSTRAINT "survey_codes_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_codes" ADD CONSTRAINT "survey_codes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_devices" ADD CONSTRAINT "survey_devices_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_drafts" ADD CONSTRAINT "survey_drafts_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_drafts" ADD CONSTRAINT "survey_drafts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_frame" ADD CONSTRAINT "survey_frame_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_frame" ADD CONSTRAINT "survey_frame_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_links" ADD CONSTRAINT "survey_links_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_links" ADD CONSTRAINT "survey_links_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rechecks" ADD CONSTRAINT "survey_rechecks_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_tallies" ADD CONSTRAINT "survey_tallies_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_targets" ADD CONSTRAINT "survey_targets_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_targets" ADD CONSTRAINT "survey_targets_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_codes_survey_idx" ON "survey_codes" USING btree ("survey_id","unit_id");--> statement-breakpoint
CREATE INDEX "survey_frame_unit_idx" ON "survey_frame" USING btree ("survey_id","unit_id");--> statement-breakpoint
CREATE INDEX "survey_responses_unit_idx" ON "survey_responses" USING btree ("survey_id","unit_id");--> statement-breakpoint
CREATE INDEX "surveys_period_idx" ON "surveys" USING btree ("period_id");