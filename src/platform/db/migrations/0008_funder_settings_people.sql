ALTER TABLE "funders" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "funders" ADD COLUMN "street" text;--> statement-breakpoint
ALTER TABLE "funders" ADD COLUMN "postal_code" text;--> statement-breakpoint
ALTER TABLE "funders" ADD COLUMN "city" text;--> statement-breakpoint
ALTER TABLE "funders" ADD COLUMN "logo_file_id" uuid;--> statement-breakpoint
ALTER TABLE "funders" ADD COLUMN "required_languages" text[] DEFAULT '{"fr"}' NOT NULL;--> statement-breakpoint
ALTER TABLE "funders" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_sign_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "deactivated_at" timestamp with time zone;