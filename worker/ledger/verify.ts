// The verifier: everything a compliance officer's offline check does, on plain values. It fails
// closed: an export is valid only when every entry is included under a tree head signed by a
// trusted key, and what was selected is vouched for (every leaf of the tree, or a signed manifest
// listing them).
import { leafHashOf } from "./canonical-record.ts";
import { rootOfLeaves } from "./merkle-tree.ts";
import { verifyInclusion } from "./merkle-verify.ts";
import type { TreeHead } from "./record-types.ts";
import type { PublicKeys } from "./signing.ts";
import { checkHead, checkManifest, checkSince } from "./verify-head.ts";
import {
  type ExportEntry,
  type ParsedEntry,
  type ParsedExport,
  type Problem,
  type VerifyReport,
  describeEntry,
} from "./verify-types.ts";

export type VerifyInput = {
  parsed: ParsedExport;
  keys: PublicKeys;
  since?: TreeHead | null;
  now?: Date;
};

/** Inclusion proofs checked at once; WebCrypto runs them concurrently. */
const PROOF_BATCH = 256;

export async function verifyExport({
  parsed,
  keys,
  since = null,
  now = new Date(),
}: VerifyInput): Promise<VerifyReport> {
  const problems: Problem[] = parsed.unreadable.map((u) => ({
    verdict: "tampered",
    line: u.line,
    message: `line ${u.line} is unreadable (${u.reason}): the file was changed`,
  }));
  const notes: string[] = [];
  const signed = parsed.heads.reduce<ParsedExport["heads"][number] | null>(
    (best, h) => (!best || h.head.size > best.head.size ? h : best),
    null,
  );
  const head = signed?.head ?? null;
  if (!signed)
    problems.push({
      verdict: "unproven",
      line: 0,
      message: "the file holds no signed tree head: nothing proves its records are in the log",
    });
  else problems.push(...(await checkHead(signed.head, signed.line, keys, now)));
  const leaves = await checkEntries(parsed.entries, head, problems);
  if (head) {
    await checkIncluded(parsed.entries, leaves, head, problems);
    await checkSelection(parsed, head, keys, problems, notes);
    if (since)
      problems.push(
        ...(await checkHead(since, 0, keys, now, "the head you kept")),
        ...(await checkSince(since, head, parsed.consistency)),
      );
  }
  problems.sort((a, b) => a.line - b.line);
  const redacted = parsed.entries.filter((e) => e.entry?.type === "redacted").length;
  if (redacted > 0)
    notes.push(
      `${redacted} redacted leaves (bodies erased or past retention): their place in the log is proven, their content is gone`,
    );
  const verdict = problems.some((p) => p.verdict === "tampered")
    ? "tampered"
    : problems.length > 0
      ? "unproven"
      : parsed.entries.length === 0
        ? "empty"
        : "valid";
  return { verdict, problems, notes, records: parsed.entries.length - redacted, redacted, head };
}

/**
 * Each entry against its own leaf hash; returns the leaf hashes of the entries that hold together
 * (by index).
 */
async function checkEntries(
  entries: readonly ParsedEntry[],
  head: TreeHead | null,
  problems: Problem[],
): Promise<(string | null)[]> {
  const leaves: (string | null)[] = [];
  for (let i = 0; i < entries.length; i += PROOF_BATCH) {
    const batch = entries.slice(i, i + PROOF_BATCH);
    leaves.push(
      ...(await Promise.all(
        batch.map(async (p) =>
          p.entry?.type === "record"
            ? leafHashOf(p.entry.record)
            : (p.entry?.redaction.leafHash ?? null),
        ),
      )),
    );
  }
  entries.forEach((p, i) => {
    const e = p.entry;
    if (!e) {
      problems.push({
        verdict: "tampered",
        line: p.line,
        seq: p.seq,
        message: `${describeEntry(p)} is malformed (${p.issue ?? "unreadable"}): it was changed`,
      });
      leaves[i] = null;
    } else if (e.type === "record" && leaves[i] !== e.record.leafHash) {
      problems.push({
        verdict: "tampered",
        line: p.line,
        seq: p.seq,
        message: `${describeEntry(p)} does not match its leaf hash: a field was changed`,
      });
      leaves[i] = null;
    } else if (head && e.type === "record" && e.record.recordedAt > head.timestamp) {
      problems.push({
        verdict: "tampered",
        line: p.line,
        seq: p.seq,
        message: `${describeEntry(p)} is dated ${e.record.recordedAt}, after the head that claims it (${head.timestamp}): it was changed`,
      });
    }
  });
  return leaves;
}

/**
 * Every entry's inclusion under the head: all leaves at once when the file holds the whole tree,
 * else proof by proof.
 */
async function checkIncluded(
  entries: readonly ParsedEntry[],
  leaves: readonly (string | null)[],
  head: TreeHead,
  problems: Problem[],
): Promise<void> {
  const whole =
    entries.length === head.size &&
    entries.every((p, i) => p.seq === i + 1) &&
    leaves.every((l) => l !== null);
  if (whole && (await rootOfLeaves(leaves as string[])) === head.root) return;
  for (let i = 0; i < entries.length; i += PROOF_BATCH) {
    const found = await Promise.all(
      entries
        .slice(i, i + PROOF_BATCH)
        .map((p, j) => inclusionProblem(p, leaves[i + j] ?? null, head)),
    );
    problems.push(...found.filter((p): p is Problem => p !== null));
  }
}

async function inclusionProblem(
  p: ParsedEntry,
  leaf: string | null,
  head: TreeHead,
): Promise<Problem | null> {
  const e = p.entry as ExportEntry | null;
  if (!e || !leaf) return null;
  if (e.treeSize !== head.size) {
    return {
      verdict: "unproven",
      line: p.line,
      seq: p.seq,
      message: `${describeEntry(p)} has an inclusion proof for a tree of ${e.treeSize} leaves, but the export's head covers ${head.size}: no signed head covers it`,
    };
  }
  if (p.seq > head.size)
    return {
      verdict: "unproven",
      line: p.line,
      seq: p.seq,
      message: `${describeEntry(p)} is beyond the signed tree of ${head.size} leaves: no signed head covers it`,
    };
  if (await verifyInclusion(p.seq - 1, head.size, leaf, e.proof, head.root)) return null;
  return {
    verdict: "tampered",
    line: p.line,
    seq: p.seq,
    message: `${describeEntry(p)} is not in the signed tree: its inclusion proof does not lead to the head's root (the record, its leaf hash or its proof was changed)`,
  };
}

/**
 * Whether the file holds what was selected: the signed manifest's list, or every leaf for a
 * complete export.
 */
async function checkSelection(
  parsed: ParsedExport,
  head: TreeHead,
  keys: PublicKeys,
  problems: Problem[],
  notes: string[],
): Promise<void> {
  const seqs = parsed.entries.map((p) => p.seq);
  const lastLine = Math.max(
    0,
    ...parsed.entries.map((p) => p.line),
    ...parsed.heads.map((h) => h.line),
  );
  const manifest = parsed.manifest;
  if (manifest) {
    const found = await checkManifest(manifest.value, manifest.line, head, keys);
    problems.push(...found);
    if (found.length === 0)
      compareSeqs(
        parsed.entries,
        manifest.value.seqs,
        lastLine,
        problems,
        "listed by the signed manifest",
      );
    notes.push(
      `signed manifest: a ${manifest.value.scope} export of ${manifest.value.seqs.length} leaves${Object.keys(manifest.value.filter).length ? `, filter ${JSON.stringify(manifest.value.filter)}` : ""}`,
    );
    return;
  }
  if (parsed.format === "receipt") return;
  if (parsed.scope === "complete") {
    compareSeqs(
      parsed.entries,
      Array.from({ length: head.size }, (_, i) => i + 1),
      lastLine,
      problems,
      "of the signed tree",
    );
    return;
  }
  const gaps = seqs.some((s, i) => i > 0 && s !== seqs[i - 1]! + 1);
  if (parsed.scope === "range" && gaps)
    compareSeqs(
      parsed.entries,
      Array.from({ length: seqs.at(-1)! - seqs[0]! + 1 }, (_, i) => seqs[0]! + i),
      lastLine,
      problems,
      "of the range",
    );
  problems.push({
    verdict: "unproven",
    line: 0,
    message: `the ${parsed.scope === "range" ? "date range" : "selection"} carries no signed manifest: each record is proven in the log, but nothing proves none was left out`,
  });
}

/** Entries missing from, added to or moved within the expected (ascending) list of seqs. */
function compareSeqs(
  entries: readonly ParsedEntry[],
  expected: readonly number[],
  lastLine: number,
  problems: Problem[],
  source: string,
): void {
  const wanted = new Set(expected);
  const seen = new Set<number>();
  const kept: ParsedEntry[] = [];
  let highest = 0;
  for (const p of entries) {
    if (!wanted.has(p.seq) || seen.has(p.seq)) {
      problems.push({
        verdict: "tampered",
        line: p.line,
        seq: p.seq,
        message: `${describeEntry(p)} is not one of the leaves ${source}${seen.has(p.seq) ? " (it appears twice)" : ""}: it was inserted`,
      });
      continue;
    }
    seen.add(p.seq);
    kept.push(p);
    if (p.seq < highest)
      problems.push({
        verdict: "tampered",
        line: p.line,
        seq: p.seq,
        message: `${describeEntry(p)} is out of order: records were reordered`,
      });
    highest = Math.max(highest, p.seq);
  }
  const missing = expected.filter((s) => !seen.has(s));
  for (let i = 0; i < missing.length; ) {
    let j = i;
    while (j + 1 < missing.length && missing[j + 1] === missing[j]! + 1) j++;
    const run = missing.slice(i, j + 1);
    const next = kept.find((p) => p.seq > run.at(-1)!);
    if (next)
      problems.push({
        verdict: "tampered",
        line: next.line,
        seq: next.seq,
        message: `${describeEntry(next)} follows a deletion: ${rangeText(run)} ${source} ${run.length === 1 ? "is" : "are"} missing`,
      });
    else
      problems.push({
        verdict: "tampered",
        line: lastLine + 1,
        message: `the file ends before ${rangeText(run)} ${source}: the export was cut or its last records deleted`,
      });
    i = j + 1;
  }
}

function rangeText(seqs: readonly number[]): string {
  if (seqs.length === 1) return `seq ${seqs[0]}`;
  const contiguous = seqs.every((s, i) => i === 0 || s === seqs[i - 1]! + 1);
  return contiguous
    ? `seq ${seqs[0]}–${seqs.at(-1)} (${seqs.length} records)`
    : `seqs ${seqs.slice(0, 10).join(", ")}${seqs.length > 10 ? "…" : ""}`;
}
