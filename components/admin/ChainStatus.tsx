import type { ComponentChildren } from "preact";
import type { AccessEntryView, ChainView, TextsEntryView } from "./types.ts";

export type ChainStatusProps = { chain: ChainView; texts: TextsEntryView[]; access: AccessEntryView[] };

/** The chain's state (head, last checkpoint, retention), the archived texts and the admin access log. */
export function ChainStatus({ chain, texts, access }: ChainStatusProps) {
  const unsealed = chain.headSeq === null ? 0 : chain.headSeq - (chain.lastCheckpoint?.seq ?? 0);
  return (
    <>
      <section aria-labelledby="chain">
        <h2 id="chain">Chain and signatures</h2>
        <table>
          <tbody>
            <Row label="records stored">{`${chain.records}${chain.firstSeq !== null ? ` (seq ${chain.firstSeq}–${chain.headSeq})` : ""}`}</Row>
            <Row label="last record">{chain.headAt ?? "none"}</Row>
            <Row label="last checkpoint">
              {chain.lastCheckpoint ? `seq ${chain.lastCheckpoint.seq}, signed ${chain.lastCheckpoint.signedAt} by key ${chain.lastCheckpoint.keyId}` : "none yet"}
            </Row>
            <Row label="not yet sealed">{String(unsealed)}</Row>
            <Row label="public key (Ed25519)">
              {chain.publicKey ? <code>{chain.publicKey}</code> : <span class="warn">no signing key configured: nothing is sealed or purged</span>}
            </Row>
            <Row label="retention">{`${chain.retentionDays} days`}</Row>
            <Row label="last purge">
              {chain.lastPurge ? `${chain.lastPurge.purgedAt}: ${chain.lastPurge.records} records through seq ${chain.lastPurge.throughSeq}` : "never"}
            </Row>
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
      <section aria-labelledby="texts">
        <h2 id="texts">Consent texts shown, by policy version</h2>
        {texts.length === 0 ? (
          <p class="muted">None archived yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>policy version</th>
                <th>locale</th>
                <th>first shown in a record</th>
                <th>SHA-256 of the texts</th>
              </tr>
            </thead>
            <tbody>
              {texts.map((t) => (
                <tr>
                  <td>
                    <code>{t.policyVersion}</code>
                  </td>
                  <td>{t.locale}</td>
                  <td>{t.firstRecordedAt}</td>
                  <td>
                    <a href={`/admin/texts/${t.hash}`}>
                      <code>{t.hash}</code>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="access">
        <h2 id="access">Admin access log (latest)</h2>
        <table>
          <thead>
            <tr>
              <th>at (UTC)</th>
              <th>who</th>
              <th>how</th>
              <th>what</th>
              <th>request</th>
              <th class="num">status</th>
            </tr>
          </thead>
          <tbody>
            {access.map((a) => (
              <tr>
                <td>{a.at}</td>
                <td>{a.principal}</td>
                <td>{a.auth}</td>
                <td>{a.kind}</td>
                <td>
                  <code>{`${a.method} ${a.path}${a.query ? `?${a.query}` : ""}`}</code>
                </td>
                <td class="num">{a.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{children}</td>
    </tr>
  );
}
