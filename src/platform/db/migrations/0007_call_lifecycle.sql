CREATE TABLE "call_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"call_version" integer NOT NULL,
	"parts" text[] NOT NULL,
	"note" jsonb NOT NULL,
	"corrected_by" uuid NOT NULL,
	"corrected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "call_corrections" ADD CONSTRAINT "call_corrections_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_corrections" ADD CONSTRAINT "call_corrections_corrected_by_users_id_fk" FOREIGN KEY ("corrected_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_corrections_call_idx" ON "call_corrections" USING btree ("call_id","corrected_at");--> statement-breakpoint
-- Calls closed before this column existed closed at their deadline, as far as anyone can tell.
UPDATE "calls" SET "closed_at" = "closes_at" WHERE "status" NOT IN ('draft', 'published');