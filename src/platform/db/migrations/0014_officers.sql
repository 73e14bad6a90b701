ALTER TABLE "mail_outbox" ADD COLUMN "reply_to" text;--> statement-breakpoint
ALTER TABLE "call_decisions" ADD COLUMN "signatory_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "call_decisions" ADD COLUMN "signatory_function" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "call_decisions" ADD COLUMN "appeal_routes" text;