CREATE TABLE "assignments" (
	"period_id" uuid NOT NULL,
	"unit_id" text NOT NULL,
	"appraiser_id" uuid NOT NULL,
	CONSTRAINT "assignments_period_id_unit_id_appraiser_id_pk" PRIMARY KEY("period_id","unit_id","appraiser_id")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"ip" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"period_id" uuid,
	"unit_id" text,
	"code" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "entries" (
	"period_id" uuid NOT NULL,
	"unit_id" text NOT NULL,
	"code" text NOT NULL,
	"facts" jsonb,
	"self_points" numeric(14, 6),
	"self_explanation" text,
	"self_updated_at" timestamp with time zone,
	"self_updated_by" uuid,
	"appraised_facts" jsonb,
	"appraised_points" numeric(14, 6),
	"appraisal_comment" text,
	"appraised_at" timestamp with time zone,
	"appraised_by" uuid,
	"supplement_deadline" timestamp with time zone,
	"supplement_note" text,
	"response" text,
	"responded_at" timestamp with time zone,
	"responded_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "entries_period_id_unit_id_code_pk" PRIMARY KEY("period_id","unit_id","code")
);
--> statement-breakpoint
CREATE TABLE "entry_evidence" (
	"period_id" uuid NOT NULL,
	"unit_id" text NOT NULL,
	"code" text NOT NULL,
	"evidence_id" uuid NOT NULL,
	"page_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"linked_by" uuid NOT NULL,
	CONSTRAINT "entry_evidence_period_id_unit_id_code_evidence_id_pk" PRIMARY KEY("period_id","unit_id","code","evidence_id")
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"unit_id" text NOT NULL,
	"file_name" text NOT NULL,
	"storage_key" text NOT NULL,
	"sha256" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"media_type" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_unit_hash" UNIQUE("period_id","unit_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "framework_nodes" (
	"framework_id" uuid NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"max_points" numeric(14, 6) NOT NULL,
	"rule" jsonb,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"applies_to" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"guidance" text,
	CONSTRAINT "framework_nodes_framework_id_code_pk" PRIMARY KEY("framework_id","code")
);
--> statement-breakpoint
CREATE TABLE "frameworks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"unit_type" text NOT NULL,
	"points_decimals" integer DEFAULT 3 NOT NULL,
	"policy" jsonb NOT NULL,
	"copied_from_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_failures" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participations" (
	"period_id" uuid NOT NULL,
	"unit_id" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"appraised_at" timestamp with time zone,
	"finalised_at" timestamp with time zone,
	CONSTRAINT "participations_period_id_unit_id_pk" PRIMARY KEY("period_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "period_frameworks" (
	"period_id" uuid NOT NULL,
	"unit_type" text NOT NULL,
	"framework_id" uuid NOT NULL,
	CONSTRAINT "period_frameworks_period_id_unit_type_pk" PRIMARY KEY("period_id","unit_type")
);
--> statement-breakpoint
CREATE TABLE "periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"council_decision_number" text,
	"council_decision_date" date,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "published_results" (
	"period_id" uuid NOT NULL,
	"unit_type" text NOT NULL,
	"framework" jsonb NOT NULL,
	"results" jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "published_results_period_id_unit_type_pk" PRIMARY KEY("period_id","unit_type")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "unit_lineage" (
	"unit_id" text NOT NULL,
	"from_unit_id" text NOT NULL,
	"kind" text NOT NULL,
	"effective_on" date NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	CONSTRAINT "unit_lineage_unit_id_from_unit_id_pk" PRIMARY KEY("unit_id","from_unit_id")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"parent_id" text,
	"peer_group" text NOT NULL,
	"active_from" date,
	"active_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"full_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"unit_id" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "window_extensions" (
	"period_id" uuid NOT NULL,
	"unit_id" text NOT NULL,
	"kind" text NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "window_extensions_period_id_unit_id_kind_pk" PRIMARY KEY("period_id","unit_id","kind")
);
--> statement-breakpoint
CREATE TABLE "windows" (
	"period_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	CONSTRAINT "windows_period_id_kind_pk" PRIMARY KEY("period_id","kind")
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_appraiser_id_users_id_fk" FOREIGN KEY ("appraiser_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_evidence" ADD CONSTRAINT "entry_evidence_evidence_id_evidence_files_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_nodes" ADD CONSTRAINT "framework_nodes_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_frameworks" ADD CONSTRAINT "period_frameworks_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_frameworks" ADD CONSTRAINT "period_frameworks_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_results" ADD CONSTRAINT "published_results_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_lineage" ADD CONSTRAINT "unit_lineage_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_lineage" ADD CONSTRAINT "unit_lineage_from_unit_id_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_parent_id_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "window_extensions" ADD CONSTRAINT "window_extensions_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "window_extensions" ADD CONSTRAINT "window_extensions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "windows" ADD CONSTRAINT "windows_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignments_appraiser_idx" ON "assignments" USING btree ("appraiser_id");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_leaf_idx" ON "audit_log" USING btree ("period_id","unit_id","code");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "units_parent_idx" ON "units" USING btree ("parent_id");