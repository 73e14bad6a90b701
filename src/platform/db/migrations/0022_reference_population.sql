CREATE TABLE "reference_populations" (
	"id" text PRIMARY KEY DEFAULT 'installation' NOT NULL,
	"digitally_vulnerable_people" integer NOT NULL,
	"digitally_vulnerable_share" real NOT NULL,
	"source" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "reference_populations" ADD CONSTRAINT "reference_populations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;