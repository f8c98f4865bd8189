import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app imports the core from source, so that previews use the very same maths.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      {
        find: /^@chiso\/core$/,
        replacement: fileURLToPath(new URL('../core/src/index.ts', import.meta.url)),
      },
      // Deep imports keep small pieces (role names) out of the first page's bundle.
      {
        find: /^@chiso\/core\/(.*)$/,
        replacement: `${fileURLToPath(new URL('../core/src/', import.meta.url))}$1`,
      },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
    manifest: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' },
  },
});
