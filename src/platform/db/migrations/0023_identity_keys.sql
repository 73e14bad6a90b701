CREATE TABLE "installation_sign_in_requirement" (
	"id" text PRIMARY KEY DEFAULT 'installation' NOT NULL,
	"second_factor" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "oidc_providers" ADD COLUMN "token_endpoint_auth_method" text DEFAULT 'client_secret_basic' NOT NULL;--> statement-breakpoint
ALTER TABLE "oidc_providers" ADD COLUMN "client_private_key" text;--> statement-breakpoint
ALTER TABLE "oidc_providers" ADD COLUMN "id_token_encryption_alg" text;--> statement-breakpoint
ALTER TABLE "oidc_providers" ADD COLUMN "id_token_encryption_enc" text;--> statement-breakpoint
ALTER TABLE "oidc_providers" ADD COLUMN "id_token_decryption_key" text;