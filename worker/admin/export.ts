// GET /admin/api/consents: the ledger as CSV, NDJSON or JSON, streamed page by page, against the
// latest signed tree head, each leaf with its inclusion proof, and a manifest signed here listing
// exactly what was selected.
import { ledgerSigner } from "../ledger/ledger-config.ts";
import { CONTENT_TYPES, exportFileName } from "../ledger/export-format.ts";
import { exportChunks } from "../ledger/export-chunks.ts";
import { d1Runner } from "../ledger/query-runner.ts";
import type { AdminContext } from "./context.ts";
import { parseRecordQuery } from "./query.ts";
import { adminResponse } from "./admin-response.ts";

export async function serveExport({ url, env }: AdminContext): Promise<Response> {
  const { filter, format, sinceSize } = parseRecordQuery(url.searchParams);
  const signer = await ledgerSigner(env);
  const body = textStream(
    exportChunks(d1Runner(env.LEDGER), filter, format, { signer, sinceSize }),
  );
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
        console.error(
          JSON.stringify({
            event: "ledger_export_failed",
            error: error instanceof Error ? error.message : String(error),
          }),
        );
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
