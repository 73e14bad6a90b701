CREATE TABLE "call_decisions" (
	"call_id" uuid PRIMARY KEY NOT NULL,
	"deciding_body" text NOT NULL,
	"decided_on" date NOT NULL,
	"mode" text NOT NULL,
	"budget_cents" bigint NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"announcement" jsonb,
	"results_published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "decision_outcomes" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"call_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"amount_cents" bigint,
	"rank" integer,
	"partial" boolean DEFAULT false NOT NULL,
	"reason" text NOT NULL,
	"letter_file_id" uuid,
	"promoted_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "selection_plans" (
	"call_id" uuid PRIMARY KEY NOT NULL,
	"mode" text DEFAULT 'ranking' NOT NULL,
	"partial_floor_percent" integer,
	"rules" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"fixed" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"justification" text DEFAULT '' NOT NULL,
	"acknowledged" text[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "attachments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "call_decisions" ADD CONSTRAINT "call_decisions_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_decisions" ADD CONSTRAINT "call_decisions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_outcomes" ADD CONSTRAINT "decision_outcomes_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_outcomes" ADD CONSTRAINT "decision_outcomes_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_outcomes" ADD CONSTRAINT "decision_outcomes_letter_file_id_files_id_fk" FOREIGN KEY ("letter_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_plans" ADD CONSTRAINT "selection_plans_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_plans" ADD CONSTRAINT "selection_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decision_outcomes_call_idx" ON "decision_outcomes" USING btree ("call_id");