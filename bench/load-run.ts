// One load run, meant to be started pinned to the load generator's core by bench/lib/load.ts:
// autocannon with the options given as JSON on stdin (the paths of a large site do not fit in
// argv), rotating over `paths` when there are several. Prints autocannon's result as JSON.
import { visitorAddress } from "./lib/consent-burst.ts";
import { autocannon } from "../tests/tools/autocannon.ts";

type RunOptions = {
  origin: string;
  paths: string[];
  seconds: number;
  connections: number;
  method: string;
  headers?: Record<string, string>;
  body?: string;
  /**
   * Each request from another visitor's address (CF-Connecting-IP), as at the edge: per-client
   * limits see many clients.
   */
  rotateClients?: boolean;
};
type Request = { method: string; path: string; headers?: Record<string, string>; body?: string };
const options = JSON.parse(
  await new Response(process.stdin as unknown as ReadableStream).text(),
) as RunOptions;
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
        setupRequest: (request: Request) => {
          const n = next++;
          const headers = options.rotateClients
            ? { ...request.headers, "CF-Connecting-IP": visitorAddress(n) }
            : request.headers;
          return { ...request, headers, path: options.paths[n % options.paths.length] };
        },
      },
    ],
  },
  (error, result) => {
    if (error) throw error;
    process.stdout.write(JSON.stringify(result));
  },
);
