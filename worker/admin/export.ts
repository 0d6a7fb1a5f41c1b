// GET /admin/api/consents: the ledger as CSV, NDJSON or JSON, streamed page by page; sealed first when possible.
import { ledgerSigner } from "../ledger/config.ts";
import { CONTENT_TYPES, exportFileName } from "../ledger/export-format.ts";
import { d1Runner, exportChunks } from "../ledger/export.ts";
import { sealLedger } from "../ledger/seal.ts";
import type { AdminContext } from "./context.ts";
import { parseRecordQuery } from "./query.ts";
import { adminResponse } from "./respond.ts";

export async function serveExport({ url, env }: AdminContext): Promise<Response> {
  const { filter, format } = parseRecordQuery(url.searchParams);
  // Sealing first means every record in the export is covered by a signed checkpoint. A chain that does not
  // verify is not sealed, but it is still exported: the export is how one finds out what is wrong.
  const signer = await ledgerSigner(env);
  if (signer) await sealLedger(env.LEDGER, signer).catch((e: unknown) => console.error(JSON.stringify({ event: "ledger_seal_refused", error: String(e) })));
  const body = textStream(exportChunks(d1Runner(env.LEDGER), filter, format));
  return adminResponse(body, {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${exportFileName(filter, format)}"`,
    },
  });
}

/** Pulls one chunk per read, so a large export never sits in memory whole. */
function textStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        console.error(JSON.stringify({ event: "ledger_export_failed", error: error instanceof Error ? error.message : String(error) }));
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
