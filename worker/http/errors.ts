// The one error type for HTTP failures. A handler throws it; `respondToError` turns it into a page or JSON.
import type { ErrorKind } from "../../components/ErrorPage.tsx";

export type HttpErrorOptions = {
  cause?: unknown;
  headers?: Record<string, string>;
  kind?: ErrorKind;
};

export class HttpError extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** Which localized error page a visitor sees. */
  readonly kind: ErrorKind;

  /** `message` is safe to show: it never carries internals. */
  constructor(status: number, message: string, options: HttpErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.status = status;
    this.headers = options.headers ?? {};
    this.kind = options.kind ?? kindOf(status);
  }
}

export const RETRY_AFTER_SECONDS = 30;

/** The content store cannot answer: visitors get a 503 that tells browsers and crawlers when to retry. */
export function unavailable(cause: unknown): HttpError {
  return new HttpError(503, "Content is temporarily unavailable", {
    cause,
    headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
  });
}

function kindOf(status: number): ErrorKind {
  if (status === 404) return "notFound";
  if (status === 503) return "unavailable";
  if (status === 429) return "tooManyRequests";
  return status < 500 ? "badRequest" : "serverError";
}
