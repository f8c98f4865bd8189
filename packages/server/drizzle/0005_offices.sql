CREATE TABLE "offices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offices_unit_name_unique" UNIQUE("unit_id","name")
);
--> statement-breakpoint
CREATE TABLE "unit_node_offices" (
	"unit_id" text NOT NULL,
	"framework_id" uuid NOT NULL,
	"code" text NOT NULL,
	"lead_office_id" uuid,
	"supporting_office_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_node_offices_unit_id_framework_id_code_pk" PRIMARY KEY("unit_id","framework_id","code")
);
--> statement-breakpoint
ALTER TABLE "framework_nodes" ADD COLUMN "lead_office" text;--> statement-breakpoint
ALTER TABLE "framework_nodes" ADD COLUMN "supporting_offices" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "office_id" uuid;--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_node_offices" ADD CONSTRAINT "unit_node_offices_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_node_offices" ADD CONSTRAINT "unit_node_offices_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_node_offices" ADD CONSTRAINT "unit_node_offices_lead_office_id_offices_id_fk" FOREIGN KEY ("lead_office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;