import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';

// The API serves the built app at / and itself under /api, so the dev server proxies /api to it.
export default defineConfig({
  plugins: [react()],
  // `@/lib/api` is apps/web/src/lib/api: shared code is imported by one name from anywhere.
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // dist/.vite/manifest.json: which chunks import which, read by `pnpm size` (scripts/size.mjs).
    manifest: true,
    // Never inline assets as data: URLs, so a strict CSP (no data: in img-src/font-src) holds.
    assetsInlineLimit: 0,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
