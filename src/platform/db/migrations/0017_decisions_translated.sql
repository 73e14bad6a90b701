-- A decision's texts were typed in one language; they become texts per language, the one typed kept as French.
ALTER TABLE "call_decisions" ALTER COLUMN "deciding_body" SET DATA TYPE jsonb USING jsonb_build_object('fr', "deciding_body");--> statement-breakpoint
ALTER TABLE "call_decisions" ALTER COLUMN "signatory_function" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "call_decisions" ALTER COLUMN "signatory_function" SET DATA TYPE jsonb USING jsonb_build_object('fr', "signatory_function");--> statement-breakpoint
ALTER TABLE "call_decisions" ALTER COLUMN "signatory_function" SET DEFAULT '{"fr":""}'::jsonb;--> statement-breakpoint
ALTER TABLE "call_decisions" ALTER COLUMN "appeal_routes" SET DATA TYPE jsonb USING CASE WHEN "appeal_routes" IS NULL THEN NULL ELSE jsonb_build_object('fr', "appeal_routes") END;
