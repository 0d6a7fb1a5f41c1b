// autocannon, from the test-tools package: the benchmark's load generator (bench/load-run.ts).
import { createRequire } from "node:module";

type Autocannon = (options: object, done: (error: Error | null, result: unknown) => void) => void;

export const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;
