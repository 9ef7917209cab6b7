import { defineConfig } from 'vitest/config';

const service = process.env.HARBOUR_URL ?? 'http://localhost:8080';

// The service serves the built app from classpath:public; Maven copies dist/ there (pom.xml).
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No inline scripts: the Content-Security-Policy allows script-src 'self' only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': service,
      '/ws': { target: service.replace(/^http/, 'ws'), ws: true },
    },
  },
  test: {
    include: ['src/**/*.spec.ts'],
    environment: 'node',
  },
});
