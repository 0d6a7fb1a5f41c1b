// What the admin pages show, already shaped for display. Built by worker/admin from the ledger.
import type { RecordOfProcessing } from "../../content/record-of-processing.ts";

/** The filter form's values, as typed (empty string: no filter). `to` is inclusive. */
export type FilterValues = {
  from: string;
  to: string;
  action: string;
  policyVersion: string;
  consentId: string;
};

export type ChartSeries = { key: string; label: string; values: number[] };
export type ChartData = { days: string[]; series: ChartSeries[] };

export type RecordRowView = {
  seq: number;
  recordedAt: string;
  eventId: string;
  consentId: string;
  action: string;
  method: string;
  signals: string[];
  granted: string[];
  denied: string[];
  locale: string;
  policyVersion: string;
  textsHash: string;
};

/** How often a category (or an action) was chosen among the decisions in range. */
export type ShareView = { key: string; count: number; total: number };

export type ChainView = {
  records: number;
  firstSeq: number | null;
  headSeq: number | null;
  headAt: string | null;
  lastCheckpoint: { seq: number; signedAt: string; keyId: string } | null;
  /**
   * base64url Ed25519 public key the checkpoints verify with; null when no signing key
   * is configured.
   */
  publicKey: string | null;
  retentionDays: number;
  lastPurge: { purgedAt: string; throughSeq: number; records: number } | null;
};

export type TextsEntryView = {
  hash: string;
  policyVersion: string;
  locale: string;
  firstRecordedAt: string;
};

/** Refused admin requests of one hour and reason (`hour`: YYYY-MM-DDTHH, UTC). */
export type RefusalView = {
  hour: string;
  reason: string;
  status: number;
  count: number;
  lastAt: string;
};

export type AccessEntryView = {
  at: string;
  principal: string;
  auth: string;
  method: string;
  path: string;
  query: string;
  status: number;
  kind: string;
};

export type ExportLink = { format: string; href: string };

export type DashboardView = {
  principal: string;
  filter: FilterValues;
  actions: readonly string[];
  policyVersions: string[];
  totals: { records: number; consents: number };
  actionShares: ShareView[];
  categoryShares: ShareView[];
  byAction: ChartData;
  byCategory: ChartData;
  /** The full history of the consent id looked up, oldest first; null when none was asked for. */
  history: RecordRowView[] | null;
  latest: RecordRowView[];
  exportLinks: ExportLink[];
  chain: ChainView;
  texts: TextsEntryView[];
  access: AccessEntryView[];
  refusals: RefusalView[];
  /** From the live content's consent configuration; null when it cannot be read. */
  ropa: RecordOfProcessing | null;
};

export type TextsPageView = TextsEntryView & {
  pretty: string;
  rawHref: string;
  /**
   * The same-origin page that renders these texts with the site's components, or null for an
   * earlier format.
   */
  renderedHref: string | null;
};

export type ArchiveScreenshot = { href: string; layer: string; viewport: string };

/**
 * D25: one policy version's archive for one locale, as the texts page shows it
 * (worker/admin/archive.ts).
 */
export type ArchiveView = {
  policyVersion: string;
  locale: string;
  capturedAt: string;
  chromium: string;
  bannerHref: string;
  preferencesHref: string;
  /** The D24 hash recomputed from the stored banner, preferences, stylesheet and script. */
  markupHash: string;
  /**
   * Whether every stored file still has the SHA-256 its manifest lists, and the markup the
   * manifest's hash.
   */
  intact: boolean;
  /**
   * Records of this version and locale carrying the recomputed hash, and carrying another
   * (or none).
   */
  records: { matching: number; other: number };
  screenshots: ArchiveScreenshot[];
  files: { file: string; href: string; sha256: string; intact: boolean }[];
};
