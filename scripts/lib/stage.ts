// content:publish --stage: the version uploaded and checked as a publish does it, recorded as
// staged, the pointer left alone; then a signed preview link for each page the change shows on.
import type { BuiltVersion, ContentBundle, Manifest } from "../../content/build.ts";
import { VERSIONS_KEY } from "../../content/views.ts";
import { diffManifests } from "./changes.ts";
import { uploadVersion } from "./content-kv.ts";
import type { KvClient, KvTarget } from "./kv-client.ts";
import {
  digestEntries,
  listChangedPages,
  previewOrigin,
  previewUrl,
  signPreviewLink,
} from "./preview-link.ts";
import { type VersionsIndex, recordFor, withRecord } from "./versions.ts";

export type StageInput = {
  kv: KvClient;
  target: KvTarget;
  built: BuiltVersion;
  bundle: ContentBundle;
  index: VersionsIndex;
  live?: string;
  hours: number;
  /**
   * PREVIEW_SECRET (readPreviewSecret), read before anything is written: without it there is no
   * link to show.
   */
  secret: string;
};

/**
 * Uploads and records the version; returns the manifests of it and of the live version, for
 * the summary.
 */
export function stageVersion({ kv, built, index, live }: StageInput): Map<string, Manifest | null> {
  const uploading = withRecord(index, recordFor(built.manifest, false));
  const manifests = uploadVersion(
    kv,
    built,
    [[VERSIONS_KEY, JSON.stringify(uploading)]],
    live ? [live] : [],
  );
  const digest = digestEntries(built.manifest.keys, (key) => built.entries.get(key));
  const staged = withRecord(uploading, {
    ...recordFor(built.manifest, true),
    staged: { at: new Date().toISOString(), digest },
  });
  kv.put([[VERSIONS_KEY, JSON.stringify(staged)]]);
  return manifests;
}

/** The lines after the summary: one link per changed page, both locales, and how to go live. */
export function describePreview(
  { target, built, bundle, live, hours, secret }: StageInput,
  manifests: Map<string, Manifest | null>,
  flags: string,
): string[] {
  const { token, expiresAt } = signPreviewLink(secret, built.version, hours);
  const origin = previewOrigin(target);
  const before = live ? (manifests.get(live) ?? null) : null;
  const pages = listChangedPages(bundle, diffManifests(before, built.manifest));
  const until = new Date(expiresAt * 1000).toISOString();
  return [
    `Preview links (valid ${hours} h, until ${until.slice(0, 10)} ${until.slice(11, 16)} UTC; links inside keep the preview):`,
    ...(pages.length > 0 ? pages : ["/it/", "/en/"]).map(
      (path) => `  ${previewUrl(origin, path, token)}`,
    ),
    `To make it live: npm run content:promote -- ${built.version}${flags ? ` ${flags.replace(/^ -- /, "")}` : ""}`,
  ];
}
