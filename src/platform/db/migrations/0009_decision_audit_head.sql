ALTER TABLE "call_decisions" ADD COLUMN "audit_seq" bigint;--> statement-breakpoint
ALTER TABLE "call_decisions" ADD COLUMN "audit_hash" text;