import { generateKeyPairSync, randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// The consent log's signing key for this run: the log's Durable Object reads its own bindings, so
// tests share it.
const LEDGER_TEST_KEY = JSON.stringify(
  generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" }),
);

// Two tiers: everything that can run inside workerd does (unit, component and whole-Worker tests);
// scripts and the real browser run in Node. tests/README.md says which folder holds what.
export default defineConfig({
  test: {
    // Two test files at a time, of either tier (Vitest's default on 2 cores would be one: cores -
    // 1). Each file has its own served site, wrangler dev (own port and --persist-to folder),
    // temporary folders and Chromium.
    maxWorkers: 2,
    projects: [
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: "./wrangler.toml" },
            // The site's Worker with the compliance Worker behind its ADMIN binding, in one isolate
            // (see the file).
            main: "./tests/helpers/test-worker.ts",
            // Vitest's own runner imports node:inspector; the Worker itself needs no Node APIs.
            // TEST_MIGRATIONS: the D1 migrations, applied to LEDGER before every test file
            // (tests/helpers/ledger-setup.ts). CONSENT_SECRET, PREVIEW_SECRET: fresh random keys
            // per run, as secret bindings would be. POINTER_TTL_SECONDS: 0, so a test sees its
            // publish at once (tests/worker/pages.cache.test.ts sets its own clock). ADMIN_TOKEN:
            // unset whatever .dev.vars holds (npm start writes it); tests set their own.
            // LEDGER_SIGNING_KEY: a fresh Ed25519 key per run (tests/helpers/ledger.ts reads its
            // public half).
            miniflare: {
              compatibilityFlags: ["nodejs_compat"],
              // The test entry answers ADMIN itself; this only satisfies the binding
              // wrangler.toml declares.
              serviceBindings: { ADMIN: "far-volare-milano" },
              // The log's writer is the compliance Worker's class; the test entry exports it, so it
              // is bound here.
              durableObjects: { CONSENT_LOG: { className: "ConsentLog", useSQLite: true } },
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations("./migrations"),
                POINTER_TTL_SECONDS: "0",
                ADMIN_TOKEN: "",
                LEDGER_SIGNING_KEY: LEDGER_TEST_KEY,
                CONSENT_SECRET: randomBytes(32).toString("base64url"),
                PREVIEW_SECRET: randomBytes(32).toString("base64url"),
              },
            },
          }),
        ],
        test: {
          name: "workerd",
          include: [
            "tests/unit/**/*.test.{ts,tsx}",
            "tests/components/**/*.test.{ts,tsx}",
            "tests/worker/**/*.test.{ts,tsx}",
          ],
          setupFiles: ["tests/helpers/ledger-setup.ts"],
          // Property tests and whole-Worker flows take a few seconds on a busy 2-core machine.
          testTimeout: 15_000,
        },
      },
      {
        test: {
          name: "node",
          environment: "node",
          include: ["tests/scripts/**/*.test.ts", "tests/browser/**/*.test.ts"],
          // Builds the production bundle once for the run; files serve it (tests/helpers/site.ts).
          globalSetup: ["tests/helpers/node-setup.ts"],
          // Every Node the tests start (scripts, wrangler dev) reuses its compiled code, where
          // scripts/lib/wrangler.ts keeps it.
          env: { NODE_COMPILE_CACHE: join(tmpdir(), "fvm-node-compile-cache") },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
