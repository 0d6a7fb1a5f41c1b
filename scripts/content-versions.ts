// npm run content:versions: every version in KV, newest first, with its dates; the live one and the
// rollback target marked.
import { TARGET_OPTIONS, parseCommandLine, runCommand, targetOf } from "./lib/cli.ts";
import { readLiveState } from "./lib/content-kv.ts";
import { createKvClient } from "./lib/kv-client.ts";
import { isStaged } from "./lib/versions.ts";

const USAGE = `Usage: npm run content:versions -- [--local | --remote] [--env NAME] [--persist-to DIR]

Lists the content versions in KV, newest first: when each was last made live, when it was built, how many
projects it has. "live" is what visitors see; "previous" is where "npm run content:rollback" goes;
"staged" was uploaded with "content:publish -- --stage" and waits for "npm run content:promote -- VERSION".`;

runCommand(() => {
  const kv = createKvClient(targetOf(parseCommandLine(TARGET_OPTIONS, USAGE)));
  const { pointer, index } = readLiveState(kv);
  console.log(`Content versions in ${kv.where}:`);
  if (pointer && !index.some((r) => r.version === pointer.version)) {
    console.log(
      `  ${pointer.version}  live since ${formatDate(pointer.publishedAt)} (not in the versions index)`,
    );
  }
  if (index.length === 0 && !pointer) console.log("  none yet: run npm run content:publish");
  const rows = [...index]
    .reverse()
    .map((r) => [
      r.version,
      r.publishedAt ? formatDate(r.publishedAt) : "never live",
      formatDate(r.builtAt),
      String(r.projects),
      r.version === pointer?.version
        ? "live"
        : r.version === pointer?.previous
          ? "previous"
          : !r.complete
            ? "upload unfinished"
            : isStaged(r)
              ? "staged"
              : "",
    ]);
  const header = ["version", "last made live", "built", "projects", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  for (const row of index.length > 0 ? [header, ...rows] : []) {
    const marker = row[4] === "live" ? "*" : " ";
    console.log(
      `${marker} ${row.map((cell, i) => (i === 3 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join("  ")}`.trimEnd(),
    );
  }
});

/** `2026-11-25 10:32 UTC`: to the minute, in the one time zone every editor can compare. */
function formatDate(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
