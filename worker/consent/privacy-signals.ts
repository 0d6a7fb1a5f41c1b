// Browser privacy signals: Global Privacy Control (`Sec-GPC: 1`) and Do Not Track (`DNT: 1`). Pure.
import type { Signal } from "../../content/ledger-vocabulary.ts";

/**
 * The signals a request carries, GPC first. Only the exact value "1" counts, as both
 * specifications say.
 */
export function readPrivacySignals(headers: Pick<Headers, "get">): Signal[] {
  const signals: Signal[] = [];
  if (headers.get("Sec-GPC")?.trim() === "1") signals.push("gpc");
  if (headers.get("DNT")?.trim() === "1") signals.push("dnt");
  return signals;
}
