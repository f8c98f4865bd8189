import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema, committed, reviewed and never edited once landed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
});
