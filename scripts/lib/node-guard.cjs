// Preloaded by every npm script that runs a .ts file (`node -r ./scripts/lib/node-guard.cjs …`), before Node reads
// the .ts: an older Node would fail on it with a stack trace. Written for any Node, however old (no modern syntax).
"use strict";
var engines = require("../../package.json").engines.node; // ">=22.18"
var wanted = /(\d+)\.(\d+)/.exec(engines);
var have = process.versions.node.split(".").map(Number);
var major = Number(wanted[1]);
var minor = Number(wanted[2]);
if (have[0] < major || (have[0] === major && have[1] < minor)) {
  process.stderr.write(
    "Node.js " +
      process.versions.node +
      " (" +
      process.execPath +
      ") is too old: these scripts need Node " +
      engines +
      ", which runs .ts files as they are. Run npm install (it brings Node 22 to npm scripts), or use the version in .nvmrc.\n",
  );
  process.exit(2);
}
