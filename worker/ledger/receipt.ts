// A visitor's consent receipt: their latest record with its inclusion proof and a signed tree head,
// so they can check it offline (`npm run consent:verify -- receipt.json`). Field names follow the
// Kantara Initiative's Consent Receipt Specification v1.1 (the basis of ISO/IEC TS 27560) where
// they fit. Pure.
import { entryObject } from "./export-format.ts";
import type { TreeHead } from "./record-types.ts";
import type { ExportEntry } from "./verify-types.ts";

export const RECEIPT_TYPE = "far-volare-consent-receipt";

export type ReceiptContext = {
  origin: string;
  policyUrl: string;
  publicKey: string | null;
  jurisdiction: string;
};

export type Receipt = ReturnType<typeof buildReceipt>;

/**
 * The receipt for a record (or, after an erasure, for the redacted leaves and what was
 * erased when).
 */
export function buildReceipt(
  entry: ExportEntry,
  head: TreeHead | null,
  context: ReceiptContext,
  erasure: { seqs: number[]; erasedAt: string } | null = null,
) {
  const proof = {
    leaf: entryObject(entry),
    treeHead: head,
    publicKey: context.publicKey,
    headUrl: `${context.origin}/consent/log/head`,
  };
  if (entry.type === "redacted") {
    return {
      type: RECEIPT_TYPE,
      version: "KI-CR-v1.1.0",
      jurisdiction: context.jurisdiction,
      erased: erasure,
      proof,
    };
  }
  const r = entry.record;
  return {
    type: RECEIPT_TYPE,
    version: "KI-CR-v1.1.0",
    jurisdiction: context.jurisdiction,
    consentTimestamp: Math.floor(Date.parse(r.recordedAt) / 1000),
    collectionMethod: r.method,
    consentReceiptID: r.eventId,
    language: r.locale,
    piiPrincipalId: r.consentId,
    policyUrl: context.policyUrl,
    policyVersion: r.policyVersion,
    textsHash: r.textsHash,
    // D24; undefined (so absent from the JSON) for a record written before it was recorded.
    shownHash: r.shownHash,
    services: Object.keys(r.categories)
      .sort()
      .map((category) => ({
        service: category,
        purposes: [
          {
            purpose: category,
            consentType: category === "necessary" ? "NOT-REQUIRED" : "EXPLICIT",
            granted: r.categories[category] === true,
          },
        ],
      })),
    action: r.action,
    signals: r.signals,
    erased: erasure,
    proof,
  };
}

/**
 * The readable fields of a receipt that must agree with its proven record; a mismatch names
 * the field.
 */
export function receiptMismatch(
  doc: Record<string, unknown>,
  leaf: Record<string, unknown>,
): string | null {
  if (leaf.type !== "record") return null;
  const expected: Record<string, unknown> = {
    consentTimestamp: Math.floor(Date.parse(String(leaf.recordedAt)) / 1000),
    collectionMethod: leaf.method,
    consentReceiptID: leaf.eventId,
    language: leaf.locale,
    piiPrincipalId: leaf.consentId,
    policyVersion: leaf.policyVersion,
    textsHash: leaf.textsHash,
    shownHash: leaf.shownHash,
    action: leaf.action,
  };
  for (const [field, value] of Object.entries(expected)) if (doc[field] !== value) return field;
  const categories = (leaf.categories ?? {}) as Record<string, boolean>;
  const services = (doc.services ?? []) as {
    service?: string;
    purposes?: { granted?: boolean }[];
  }[];
  if (services.length !== Object.keys(categories).length) return "services";
  for (const s of services)
    if (categories[s.service ?? ""] !== s.purposes?.[0]?.granted) return `services.${s.service}`;
  return null;
}
