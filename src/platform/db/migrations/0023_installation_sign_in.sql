CREATE TABLE "installation_sign_in_requirement" (
	"id" text PRIMARY KEY DEFAULT 'installation' NOT NULL,
	"second_factor" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
