import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// Two tiers: everything that can run inside workerd does (unit, component and whole-Worker tests);
// scripts and the real browser run in Node.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: "./wrangler.toml" },
            // Vitest's own runner imports node:inspector; the Worker itself needs no Node APIs.
            miniflare: { compatibilityFlags: ["nodejs_compat"] },
          }),
        ],
        test: {
          name: "workerd",
          include: ["tests/unit/**/*.test.{ts,tsx}", "tests/components/**/*.test.{ts,tsx}", "tests/worker/**/*.test.{ts,tsx}"],
        },
      },
      {
        test: {
          name: "node",
          environment: "node",
          include: ["tests/scripts/**/*.test.ts", "tests/browser/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
