import type { AdminStrings } from "../../content/schema.ts";
import { fill } from "../format.ts";
import { FieldRow } from "./FieldRow.tsx";
import type { ChainView } from "./types.ts";

/**
 * The chain's state: records, head, last checkpoint, the public key, retention; and "Seal now" when
 * it helps.
 */
export function ChainStatus({ chain, t }: { chain: ChainView; t: AdminStrings }) {
  const l = t.chain;
  const unsealed = chain.headSeq === null ? 0 : chain.headSeq - (chain.lastCheckpoint?.seq ?? 0);
  const checkpoint = chain.lastCheckpoint;
  const purge = chain.lastPurge;
  return (
    <section aria-labelledby="chain">
      <h2 id="chain">{l.heading}</h2>
      <table>
        <tbody>
          <FieldRow label={l.records}>
            {chain.firstSeq !== null
              ? fill(l.recordsRange, {
                  n: chain.records,
                  first: chain.firstSeq,
                  last: chain.headSeq ?? "",
                })
              : String(chain.records)}
          </FieldRow>
          <FieldRow label={l.lastRecord}>{chain.headAt ?? l.none}</FieldRow>
          <FieldRow label={l.lastCheckpoint}>
            {checkpoint
              ? fill(l.checkpoint, {
                  seq: checkpoint.seq,
                  at: checkpoint.signedAt,
                  key: checkpoint.keyId,
                })
              : l.noneYet}
          </FieldRow>
          <FieldRow label={l.unsealed}>{String(unsealed)}</FieldRow>
          <FieldRow label={l.publicKey}>
            {chain.publicKey ? <code>{chain.publicKey}</code> : <span class="warn">{l.noKey}</span>}
          </FieldRow>
          <FieldRow label={l.retention}>
            {fill(l.retentionDays, { n: chain.retentionDays })}
          </FieldRow>
          <FieldRow label={l.lastPurge}>
            {purge
              ? fill(l.purge, { at: purge.purgedAt, n: purge.records, seq: purge.throughSeq })
              : l.never}
          </FieldRow>
        </tbody>
      </table>
      {chain.publicKey && unsealed > 0 && (
        <form method="post" action="/admin/api/seal">
          <p>
            <button type="submit">{l.sealNow}</button> <span class="muted">{l.sealHint}</span>
          </p>
        </form>
      )}
    </section>
  );
}
