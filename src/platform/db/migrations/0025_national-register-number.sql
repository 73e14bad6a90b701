ALTER TABLE "funders" ADD COLUMN "national_number_legal_basis" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "national_number" text;