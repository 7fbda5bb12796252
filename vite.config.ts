import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  root: path.resolve(import.meta.dirname, "web"),
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, "dist/web"),
    emptyOutDir: true,
    // No source maps in the build: production would serve the whole source (issue 11).
    sourcemap: false,
  },
  server: { proxy: { "/api": "http://127.0.0.1:3000", "/readyz": "http://127.0.0.1:3000" } },
});
