CREATE TABLE "report_plans" (
	"call_id" uuid PRIMARY KEY NOT NULL,
	"reports" jsonb NOT NULL,
	"indicators" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "call_decisions" ADD COLUMN "grants_owed_since" timestamp with time zone DEFAULT now();--> statement-breakpoint
ALTER TABLE "report_plans" ADD CONSTRAINT "report_plans_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_plans" ADD CONSTRAINT "report_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;