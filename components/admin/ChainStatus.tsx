import { FieldRow } from "./FieldRow.tsx";
import type { ChainView } from "./types.ts";

/** The chain's state: records, head, last checkpoint, the public key, retention; and "Seal now" when it helps. */
export function ChainStatus({ chain }: { chain: ChainView }) {
  const unsealed = chain.headSeq === null ? 0 : chain.headSeq - (chain.lastCheckpoint?.seq ?? 0);
  const checkpoint = chain.lastCheckpoint;
  const purge = chain.lastPurge;
  return (
    <section aria-labelledby="chain">
      <h2 id="chain">Chain and signatures</h2>
      <table>
        <tbody>
          <FieldRow label="records stored">{`${chain.records}${chain.firstSeq !== null ? ` (seq ${chain.firstSeq}–${chain.headSeq})` : ""}`}</FieldRow>
          <FieldRow label="last record">{chain.headAt ?? "none"}</FieldRow>
          <FieldRow label="last checkpoint">{checkpoint ? `seq ${checkpoint.seq}, signed ${checkpoint.signedAt} by key ${checkpoint.keyId}` : "none yet"}</FieldRow>
          <FieldRow label="not yet sealed">{String(unsealed)}</FieldRow>
          <FieldRow label="public key (Ed25519)">
            {chain.publicKey ? <code>{chain.publicKey}</code> : <span class="warn">no signing key configured: nothing is sealed or purged</span>}
          </FieldRow>
          <FieldRow label="retention">{`${chain.retentionDays} days`}</FieldRow>
          <FieldRow label="last purge">{purge ? `${purge.purgedAt}: ${purge.records} records through seq ${purge.throughSeq}` : "never"}</FieldRow>
        </tbody>
      </table>
      {chain.publicKey && unsealed > 0 && (
        <form method="post" action="/admin/api/seal">
          <p>
            <button type="submit">Seal now</button> <span class="muted">signs a checkpoint of the current head (the hourly job does it too)</span>
          </p>
        </form>
      )}
    </section>
  );
}
