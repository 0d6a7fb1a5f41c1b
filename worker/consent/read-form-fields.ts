// The checks POST /consent makes before reading a single field: same origin, form encoding, a
// small body.
import { HttpError } from "../http/errors.ts";

/** Far more than the biggest form the site renders; anything larger is not ours. */
export const MAX_FORM_BYTES = 4096;
const FORM_TYPE = "application/x-www-form-urlencoded";

/**
 * Refuses a post another site made: a foreign Origin, or a browser saying the request is
 * not same-origin.
 */
export function assertSameOrigin(headers: Headers, origins: readonly string[]): void {
  const fetchSite = headers.get("Sec-Fetch-Site");
  const origin = headers.get("Origin");
  if (
    (fetchSite !== null && fetchSite !== "same-origin") ||
    (origin !== null && !origins.includes(origin))
  ) {
    throw new HttpError(403, "Consent can only be given from this site's pages", {
      kind: "consentForeign",
    });
  }
}

/** The form's fields; 415 for another encoding, 413 past MAX_FORM_BYTES (declared or actual). */
export async function readFormFields(request: Request): Promise<URLSearchParams> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== FORM_TYPE) {
    throw new HttpError(415, `The form must be sent as ${FORM_TYPE}`, {
      kind: "consentRefused",
      headers: { "Accept-Post": FORM_TYPE },
    });
  }
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > MAX_FORM_BYTES) throw tooLarge();
  let bytes: Uint8Array;
  try {
    bytes = await readAtMost(request.body, MAX_FORM_BYTES);
  } catch (error) {
    if (error instanceof HttpError) throw error;
    // The client hung up (or the body broke) mid-form: nothing to record, and not our failure.
    throw new HttpError(400, "The form did not arrive whole", {
      kind: "consentRefused",
      cause: error,
    });
  }
  return new URLSearchParams(new TextDecoder().decode(bytes));
}

async function readAtMost(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(read.value);
  }
  const bytes = new Uint8Array(size);
  chunks.reduce((offset, chunk) => (bytes.set(chunk, offset), offset + chunk.byteLength), 0);
  return bytes;
}

function tooLarge(): HttpError {
  return new HttpError(413, `The form is larger than ${MAX_FORM_BYTES} bytes`, {
    kind: "consentRefused",
  });
}
