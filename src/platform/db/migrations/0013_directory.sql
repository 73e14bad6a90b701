CREATE TABLE "directory_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"funder_id" uuid NOT NULL,
	"source" text NOT NULL,
	"format" text NOT NULL,
	"file_name" text NOT NULL,
	"content" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone,
	"counts" jsonb
);
--> statement-breakpoint
CREATE TABLE "directory_places" (
	"id" text PRIMARY KEY NOT NULL,
	"funder_id" uuid NOT NULL,
	"organisation_id" uuid,
	"state" text DEFAULT 'draft' NOT NULL,
	"enterprise_number" text NOT NULL,
	"organisation" text,
	"name" text NOT NULL,
	"summary" jsonb NOT NULL,
	"details" jsonb,
	"street" text NOT NULL,
	"address_complement" text,
	"postal_code" text NOT NULL,
	"commune_nis" text NOT NULL,
	"coordinates" jsonb,
	"phone" text,
	"emails" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"websites" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"booking_url" text,
	"accessibility_url" text,
	"opening_hours" text,
	"services" jsonb NOT NULL,
	"publics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"supports" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"access_modes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"help_modes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"mobility" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"languages" jsonb NOT NULL,
	"step_free" boolean,
	"typology" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"national_programmes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"training_labels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"other_labels" text,
	"funder_labels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"grant_reference" text,
	"source" text,
	"checked_on" date NOT NULL,
	"import_batch_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "directory_imports" ADD CONSTRAINT "directory_imports_funder_id_funders_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."funders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_imports" ADD CONSTRAINT "directory_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_places" ADD CONSTRAINT "directory_places_funder_id_funders_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."funders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_imports_funder_idx" ON "directory_imports" USING btree ("funder_id");--> statement-breakpoint
CREATE INDEX "directory_places_state_idx" ON "directory_places" USING btree ("state");--> statement-breakpoint
CREATE INDEX "directory_places_funder_idx" ON "directory_places" USING btree ("funder_id");--> statement-breakpoint
CREATE INDEX "directory_places_organisation_idx" ON "directory_places" USING btree ("organisation_id");