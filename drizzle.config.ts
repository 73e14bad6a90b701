import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // Each ring keeps its tables beside its code; one migration set covers them all.
  schema: ['./src/platform/**/schema.ts', './src/features/**/schema.ts'],
  out: './src/platform/db/migrations',
});
