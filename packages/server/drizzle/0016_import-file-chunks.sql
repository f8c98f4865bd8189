CREATE TABLE "import_file_chunks" (
	"import_id" uuid NOT NULL,
	"n" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_file_chunks_import_id_n_pk" PRIMARY KEY("import_id","n")
);
--> statement-breakpoint
-- Decision 0055: a file still waiting on its job's row moves to the chunks, as one piece.
INSERT INTO "import_file_chunks" ("import_id", "n", "bytes") SELECT "id", 0, "content" FROM "import_jobs" WHERE "content" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" DROP COLUMN "content";