// The one error type for HTTP failures. A handler throws it; `respondToError` turns it into a page
// or JSON.
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

/** Every Retry-After the Workers send, in seconds, by what the client waits for. */
export const RETRY_AFTER_SECONDS = {
  /** The content store (KV) could not answer. */
  content: 30,
  /**
   * A consent decision could not be recorded: the log is back within seconds, or the post is
   * refused again.
   */
  consent: 5,
  /** A rate-limiting binding's period: a client over the limit is counted afresh within it. */
  rateLimit: 60,
  /** The compliance Worker is not deployed behind the site's. */
  admin: 60,
} as const;

/** The `Retry-After` header for what the client waits for. */
export function retryAfter(what: keyof typeof RETRY_AFTER_SECONDS): Record<string, string> {
  return { "Retry-After": String(RETRY_AFTER_SECONDS[what]) };
}

/**
 * The content store cannot answer: visitors get a 503 that tells browsers and crawlers when
 * to retry.
 */
export function unavailable(cause: unknown): HttpError {
  return new HttpError(503, "Content is temporarily unavailable", {
    cause,
    headers: retryAfter("content"),
  });
}

function kindOf(status: number): ErrorKind {
  if (status === 404) return "notFound";
  if (status === 503) return "unavailable";
  if (status === 429) return "tooManyRequests";
  return status < 500 ? "badRequest" : "serverError";
}
