CREATE TABLE "grant_agreement_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grant_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"reason" text,
	"file_id" uuid,
	"document_sha256" text,
	"sent_by" uuid,
	"sent_at" timestamp with time zone,
	"accepted_by" uuid,
	"accepted_at" timestamp with time zone,
	"accepted_sha256" text,
	"signed_copy_file_id" uuid,
	"countersigned_by" uuid,
	"countersigned_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "grant_payment_settings" (
	"funder_id" uuid PRIMARY KEY NOT NULL,
	"debtor_name" text NOT NULL,
	"debtor_iban" text NOT NULL,
	"debtor_bic" text,
	"second_approval_above_cents" bigint,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_recoveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grant_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"reason" text NOT NULL,
	"letter_file_id" uuid,
	"status" text DEFAULT 'claimed' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_tranches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grant_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"percent" integer NOT NULL,
	"trigger" text NOT NULL,
	"occurrence" integer DEFAULT 1 NOT NULL,
	"due_on" date,
	"amount_cents" bigint NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"structured_communication" text NOT NULL,
	"made_due_by" uuid,
	"made_due_at" timestamp with time zone,
	"approvers" uuid[] DEFAULT '{}' NOT NULL,
	"batch_id" uuid,
	"paid_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "grant_tranches_structured_communication_unique" UNIQUE("structured_communication")
);
--> statement-breakpoint
CREATE TABLE "grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" serial NOT NULL,
	"application_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"funder_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"organisation_name" text NOT NULL,
	"enterprise_number" text NOT NULL,
	"offered_cents" bigint NOT NULL,
	"awarded_on" date NOT NULL,
	"locale" text DEFAULT 'fr' NOT NULL,
	"status" text DEFAULT 'offered' NOT NULL,
	"accept_by" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grants_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "payment_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"funder_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"message_id" text NOT NULL,
	"status" text DEFAULT 'created' NOT NULL,
	"debtor_name" text NOT NULL,
	"debtor_iban" text NOT NULL,
	"debtor_bic" text,
	"execution_date" date NOT NULL,
	"total_cents" bigint NOT NULL,
	"count" integer NOT NULL,
	"file_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"paid_by" uuid,
	"paid_at" timestamp with time zone,
	CONSTRAINT "payment_batches_message_id_unique" UNIQUE("message_id")
);
--> statement-breakpoint
ALTER TABLE "grant_agreement_versions" ADD CONSTRAINT "grant_agreement_versions_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_agreement_versions" ADD CONSTRAINT "grant_agreement_versions_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_agreement_versions" ADD CONSTRAINT "grant_agreement_versions_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_agreement_versions" ADD CONSTRAINT "grant_agreement_versions_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_agreement_versions" ADD CONSTRAINT "grant_agreement_versions_signed_copy_file_id_files_id_fk" FOREIGN KEY ("signed_copy_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_agreement_versions" ADD CONSTRAINT "grant_agreement_versions_countersigned_by_users_id_fk" FOREIGN KEY ("countersigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_payment_settings" ADD CONSTRAINT "grant_payment_settings_funder_id_funders_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."funders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_payment_settings" ADD CONSTRAINT "grant_payment_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_recoveries" ADD CONSTRAINT "grant_recoveries_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_recoveries" ADD CONSTRAINT "grant_recoveries_letter_file_id_files_id_fk" FOREIGN KEY ("letter_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_recoveries" ADD CONSTRAINT "grant_recoveries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_tranches" ADD CONSTRAINT "grant_tranches_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_tranches" ADD CONSTRAINT "grant_tranches_made_due_by_users_id_fk" FOREIGN KEY ("made_due_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_tranches" ADD CONSTRAINT "grant_tranches_batch_id_payment_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."payment_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_funder_id_funders_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."funders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_funder_id_funders_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."funders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_paid_by_users_id_fk" FOREIGN KEY ("paid_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "grant_agreement_versions_number_idx" ON "grant_agreement_versions" USING btree ("grant_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_tranches_number_idx" ON "grant_tranches" USING btree ("grant_id","number");--> statement-breakpoint
CREATE INDEX "grant_tranches_batch_idx" ON "grant_tranches" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grants_application_idx" ON "grants" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "grants_call_idx" ON "grants" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "grants_organisation_idx" ON "grants" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "grants_enterprise_number_idx" ON "grants" USING btree ("enterprise_number");--> statement-breakpoint
CREATE INDEX "payment_batches_call_idx" ON "payment_batches" USING btree ("call_id");