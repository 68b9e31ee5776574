import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The dashboard (src/dashboard) built to static files in dist/dashboard, which `avails serve` serves at `/`.
export default defineConfig({
  root: fileURLToPath(new URL("./src/dashboard/", import.meta.url)),
  base: "/",
  logLevel: "warn",
  build: {
    outDir: fileURLToPath(new URL("./dist/dashboard/", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
  },
});
