// One load run, meant to be started pinned to the load generator's core by bench/lib/load.ts: autocannon with
// the options given as JSON on stdin (the paths of a large site do not fit in argv), rotating over `paths` when
// there are several. Prints autocannon's result as JSON.
import { autocannon } from "../tests/tools/autocannon.ts";

type RunOptions = {
  origin: string;
  paths: string[];
  seconds: number;
  connections: number;
  method: string;
  headers?: Record<string, string>;
  body?: string;
};
type Request = { method: string; path: string; headers?: Record<string, string>; body?: string };
const options = JSON.parse(await new Response(process.stdin as unknown as ReadableStream).text()) as RunOptions;
let next = 0;

autocannon(
  {
    url: options.origin,
    connections: options.connections,
    duration: options.seconds,
    requests: [
      {
        method: options.method,
        headers: options.headers,
        body: options.body,
        setupRequest: (request: Request) => ({ ...request, path: options.paths[next++ % options.paths.length] }),
      },
    ],
  },
  (error, result) => {
    if (error) throw error;
    process.stdout.write(JSON.stringify(result));
  },
);
