CREATE TABLE "framework_code_links" (
	"framework_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"old_code" text,
	"new_code" text,
	"kind" text NOT NULL,
	CONSTRAINT "framework_code_links_framework_id_position_pk" PRIMARY KEY("framework_id","position")
);
--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "previous_framework_id" uuid;--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "review_status" text DEFAULT 'reviewed' NOT NULL;--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "copy_review" jsonb;--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "reviewed_by" uuid;--> statement-breakpoint
ALTER TABLE "framework_code_links" ADD CONSTRAINT "framework_code_links_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;