ALTER TABLE "installation_sign_in_requirement" ADD COLUMN "provider" text;--> statement-breakpoint
ALTER TABLE "installation_sign_in_requirement" ADD COLUMN "minimum_acr" text;