CREATE TABLE "audit_checkpoints" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttles" (
	"email_hash" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"paused_until" timestamp with time zone
);
--> statement-breakpoint
-- Answers (and the questions published with them) are given in each of the funder's languages;
-- those published before were in French.
ALTER TABLE "call_questions" ALTER COLUMN "answer" SET DATA TYPE jsonb USING CASE WHEN "answer" IS NULL THEN NULL ELSE jsonb_build_object('fr', "answer") END;--> statement-breakpoint
ALTER TABLE "call_questions" ADD COLUMN "published_question" jsonb;--> statement-breakpoint
UPDATE "call_questions" SET "published_question" = jsonb_build_object('fr', "question") WHERE "answer" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "call_decisions" ADD COLUMN "audit_seq" bigint;--> statement-breakpoint
ALTER TABLE "call_decisions" ADD COLUMN "audit_hash" text;