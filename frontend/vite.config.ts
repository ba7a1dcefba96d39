import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// The Spring Boot server (./packetlab) listens on 8080; in `npm run dev` (and
// `npm run preview`) the browser talks to Vite, which forwards the API and the
// WebSocket to it. PACKETLAB_BACKEND points it at a server on another port.
const backend = process.env.PACKETLAB_BACKEND ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [preact()],
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: true },
      '/ws': { target: backend, ws: true, changeOrigin: true, rewriteWsOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // the lab view (Cytoscape and xterm.js) is its own chunk, loaded when a lab opens
    chunkSizeWarningLimit: 1200,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
