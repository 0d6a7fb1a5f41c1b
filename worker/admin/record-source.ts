// The record of processing as the dashboard shows it: built from the live content version's consent
// view in KV, the same view the cookie notice is rendered from (one source). Null when KV has no
// readable live version.
import type { ConsentView } from "../../content/consent-view.ts";
import type { Locale } from "../../content/locales.ts";
import {
  type RecordOfProcessing,
  buildRecordOfProcessing,
} from "../../content/record-of-processing.ts";
import { POINTER_KEY, kvKeys } from "../../content/views.ts";

export async function loadRecordOfProcessing(
  env: Env,
  locale: Locale,
): Promise<RecordOfProcessing | null> {
  try {
    const pointer = await env.CONTENT.get<{ version?: string }>(POINTER_KEY, "json");
    if (!pointer?.version) return null;
    const view = await env.CONTENT.get<ConsentView>(
      kvKeys.consent(pointer.version, locale),
      "json",
    );
    return view?.consentLog && view.controller ? buildRecordOfProcessing(view) : null;
  } catch (error) {
    console.error(JSON.stringify({ event: "admin_ropa_unreadable", error: String(error) }));
    return null;
  }
}
