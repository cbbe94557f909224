import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { constants as zlibConstants } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

// The API serves the built app at / and itself under /api, so the dev server proxies /api to it.
export default defineConfig({
  plugins: [
    react(),
    // A `.br` and a `.gz` beside every text asset (the originals stay): the API serves the one the
    // browser accepts (@fastify/static `preCompressed`), so nothing is compressed per request.
    // Source maps are never compressed: a `.map` must stay a 404 in production, under any name.
    compression({
      algorithms: [
        ['brotliCompress', { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }],
        ['gzip', { level: 9 }],
      ],
      include: /\.(js|css|svg|html|json)$/,
      exclude: [/\.map$/, /(^|\/)\.vite\//],
      // Kept even when tiny: one rule for every asset is easier to check than a threshold.
      threshold: 0,
      deleteOriginalAssets: false,
    }),
  ],
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
