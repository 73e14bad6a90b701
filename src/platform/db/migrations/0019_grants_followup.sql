CREATE TABLE "grant_agreement_templates" (
	"call_id" uuid PRIMARY KEY NOT NULL,
	"clauses" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "grant_agreement_versions" ADD COLUMN "amendment_kind" text;--> statement-breakpoint
ALTER TABLE "grant_agreement_versions" ADD COLUMN "budget" jsonb;--> statement-breakpoint
ALTER TABLE "grant_agreement_versions" ADD COLUMN "decline_reason" text;--> statement-breakpoint
ALTER TABLE "grants" ADD COLUMN "decline_reason" text;--> statement-breakpoint
ALTER TABLE "grants" ADD COLUMN "declined_by" uuid;--> statement-breakpoint
ALTER TABLE "grants" ADD COLUMN "declined_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "grant_agreement_templates" ADD CONSTRAINT "grant_agreement_templates_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_agreement_templates" ADD CONSTRAINT "grant_agreement_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_declined_by_users_id_fk" FOREIGN KEY ("declined_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;