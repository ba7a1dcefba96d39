import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// The Spring Boot server (./packetlab) listens on 8080; in `npm run dev` the
// browser talks to Vite, which forwards the API and the WebSocket to it.
const backend = 'http://localhost:8080';

export default defineConfig({
  plugins: [preact()],
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: true },
      '/ws': { target: backend, ws: true, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
