// Exports as a sequence of text chunks, read page by page (keyset pagination on seq) through any
// query runner. Every export is against the latest signed head: each leaf it holds comes with its
// inclusion proof under that head, and a manifest signed by the log's key (when the exporter holds
// it) lists exactly which leaves it holds.
import { sha256Hex } from "../../lib/bytes.ts";
import {
  type ExportFormat,
  type ExportHeader,
  EXPORT_TYPE,
  EXPORT_VERSION,
  exportSerializer,
} from "./export-format.ts";
import { type RecordFilter, filterSql, redactionFilterSql, scopeOf } from "./filter.ts";
import {
  type HeadRow,
  type RecordRow,
  RECORD_COLUMNS,
  rowToHead,
  rowToRecord,
} from "./log-store.ts";
import { type Manifest, signManifest } from "./manifest.ts";
import {
  type LeafRange,
  consistencyRanges,
  hashRanges,
  inclusionRanges,
  nodesOfRanges,
} from "./merkle-proof.ts";
import type { NodeRef } from "./merkle-tree.ts";
import type { QueryRunner } from "./query-runner.ts";
import type { TreeHead } from "./record-types.ts";
import type { LedgerSigner } from "./signing.ts";
import type { Consistency, ExportEntry } from "./verify-types.ts";

export { d1Runner, type QueryRunner } from "./query-runner.ts";

export const EXPORT_PAGE = 500;

export type ExportOptions = {
  now?: Date;
  /**
   * Signs the manifest; without it the export has none (a filtered export then proves its records,
   * not its selection).
   */
  signer?: LedgerSigner | null;
  /**
   * Adds a consistency proof from the tree of this size to the export's head (for
   * `consent:verify --since`).
   */
  sinceSize?: number;
};

type EntryRow = RecordRow & {
  kind: "record" | "redacted";
  redacted_at: string | null;
  reason: "erasure" | "retention" | null;
};

/** The latest signed head as D1 holds it. */
export async function latestHead(run: QueryRunner): Promise<TreeHead | null> {
  const [row] = await run<HeadRow>(
    "SELECT * FROM ledger_heads ORDER BY tree_size DESC, id DESC LIMIT 1",
    [],
  );
  return row ? rowToHead(row) : null;
}

export async function* exportChunks(
  run: QueryRunner,
  filter: RecordFilter,
  format: ExportFormat,
  options: ExportOptions = {},
): AsyncGenerator<string> {
  const now = options.now ?? new Date();
  const scope = scopeOf(filter);
  const header: ExportHeader = {
    type: EXPORT_TYPE,
    version: EXPORT_VERSION,
    generatedAt: now.toISOString(),
    scope,
    filter,
  };
  const out = exportSerializer(format, header);
  const head = await latestHead(run);
  // Without a signed head (no signing key), the export still shows every leaf; its verifier will
  // say nothing proves it.
  const size =
    head?.size ??
    (
      await run<{ size: number | null }>(
        "SELECT MAX(idx) + 1 AS size FROM ledger_nodes WHERE level = 0",
        [],
      )
    )[0]?.size ??
    0;
  yield out.start(head);
  const seqs: number[] = [];
  for (let after = 0; ; ) {
    const entries = await selectEntries(run, filter, size, after);
    let chunk = "";
    for (const e of entries) chunk += out.entry(e, seqs.push(seqOf(e)) - 1);
    if (entries.length > 0) {
      after = seqs[seqs.length - 1]!;
      yield chunk;
    }
    if (entries.length < EXPORT_PAGE) break;
  }
  const consistency =
    head && options.sinceSize !== undefined
      ? await consistencyOf(run, options.sinceSize, size)
      : null;
  let manifest: Manifest | null = null;
  if (head && options.signer)
    manifest = await signManifest(options.signer, {
      generatedAt: header.generatedAt,
      scope,
      filter,
      treeSize: size,
      root: head.root,
      seqs,
    });
  yield out.end({ consistency, manifest });
}

export const seqOf = (e: ExportEntry) => (e.type === "record" ? e.record.seq : e.redaction.seq);

/**
 * One page (after seq `after`) of the filter's records and redacted leaves in a tree of `size`,
 * each with its proof.
 */
export async function selectEntries(
  run: QueryRunner,
  filter: RecordFilter,
  size: number,
  after = 0,
): Promise<ExportEntry[]> {
  const sql = await entriesSql(filter);
  return withProofs(run, await run<EntryRow>(sql.text, sql.params(after, size)), size);
}

/** Records and redacted leaves of the filter, up to the head's size, in seq order. */
async function entriesSql(filter: RecordFilter) {
  const records = filterSql(filter);
  const redactions = redactionFilterSql(
    filter,
    filter.consentId ? await sha256Hex(filter.consentId) : undefined,
  );
  const and = (w: string) => (w ? `${w} AND` : "WHERE");
  const parts = [
    `SELECT 'record' AS kind, ${RECORD_COLUMNS}, NULL AS redacted_at, NULL AS reason FROM consent_records ${and(records.sql)} seq > ? AND seq <= ?`,
    ...(redactions
      ? [
          `SELECT 'redacted', seq, NULL, NULL, recorded_at, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, redacted_at, reason FROM ledger_redactions ${and(redactions.sql)} seq > ? AND seq <= ?`,
        ]
      : []),
  ];
  return {
    text: `SELECT * FROM (${parts.join(" UNION ALL ")}) ORDER BY seq LIMIT ${EXPORT_PAGE}`,
    params: (after: number, size: number) => [
      ...records.params,
      after,
      size,
      ...(redactions ? [...redactions.params, after, size] : []),
    ],
  };
}

/**
 * The page's entries with their leaf hashes and inclusion proofs: the tree nodes they need, read in
 * one query.
 */
async function withProofs(
  run: QueryRunner,
  rows: readonly EntryRow[],
  size: number,
): Promise<ExportEntry[]> {
  const paths = rows.map((r) => inclusionRanges(r.seq - 1, size));
  const refs = nodesOfRanges([
    ...rows.map((r) => ({ start: r.seq - 1, end: r.seq })),
    ...paths.flat(),
  ]);
  const lookup = await readNodeMap(run, refs);
  return Promise.all(
    rows.map(async (row, i): Promise<ExportEntry> => {
      const leafHash = lookup(0, row.seq - 1)!;
      const proof = await hashRanges(paths[i]!, lookup);
      if (row.kind === "redacted") {
        return {
          type: "redacted",
          redaction: {
            seq: row.seq,
            recordedAt: row.recorded_at,
            leafHash,
            redactedAt: row.redacted_at!,
            reason: row.reason!,
          },
          treeSize: size,
          proof,
        };
      }
      return { type: "record", record: { ...rowToRecord(row), leafHash }, treeSize: size, proof };
    }),
  );
}

async function consistencyOf(
  run: QueryRunner,
  from: number,
  size: number,
): Promise<Consistency | null> {
  if (!Number.isInteger(from) || from < 1 || from > size) return null;
  const ranges: LeafRange[] = consistencyRanges(from, size);
  return {
    fromSize: from,
    toSize: size,
    proof: await hashRanges(ranges, await readNodeMap(run, nodesOfRanges(ranges))),
  };
}

/** Stored tree nodes by reference, as a lookup. */
export async function readNodeMap(
  run: QueryRunner,
  refs: readonly NodeRef[],
): Promise<(level: number, index: number) => string | undefined> {
  const found = new Map<string, string>();
  for (let i = 0; i < refs.length; i += 2000) {
    const rows = await run<{ level: number; idx: number; hash: string }>(
      `SELECT n.level AS level, n.idx AS idx, n.hash AS hash FROM json_each(?) AS j
       JOIN ledger_nodes n ON n.level = json_extract(j.value, '$[0]') AND n.idx = json_extract(j.value, '$[1]')`,
      [JSON.stringify(refs.slice(i, i + 2000).map((r) => [r.level, r.index]))],
    );
    for (const r of rows) found.set(`${r.level}:${r.idx}`, r.hash);
  }
  return (level, index) => found.get(`${level}:${index}`);
}
