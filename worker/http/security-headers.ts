// Security headers, built once: every response gets them, pages get a CSP that allows only what
// they use.
import { sha256, toBase64 } from "../../lib/bytes.ts";
import { CSS } from "../../components/styles.ts";

export type CspOptions = {
  scriptSrc?: readonly string[];
  frameSrc?: readonly string[];
  connectSrc?: readonly string[];
  /** Added to `'self' data:`. */
  imgSrc?: readonly string[];
};

const STATIC_HEADERS: Record<string, string> = {
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains; preload",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

/** Resolved once per isolate (never a promise another request awaits). */
let styleHash: string | undefined;

/** The CSP source (`'sha256-…'`) that allows exactly this inline script or stylesheet. */
export async function hashSource(text: string): Promise<string> {
  return `'sha256-${toBase64(await sha256(text))}'`;
}

/** The CSP source for the inline stylesheet, computed once per isolate. */
export async function inlineStyleSource(): Promise<string> {
  styleHash ??= await hashSource(CSS);
  return styleHash;
}

/** A Content-Security-Policy: nothing is allowed unless named here. */
export async function contentSecurityPolicy(options: CspOptions = {}): Promise<string> {
  const list = (sources: readonly string[] | undefined) =>
    sources?.length ? sources.join(" ") : "'none'";
  return [
    "default-src 'none'",
    `style-src ${await inlineStyleSource()}`,
    ["img-src 'self' data:", ...(options.imgSrc ?? [])].join(" "),
    `script-src ${list(options.scriptSrc)}`,
    `connect-src ${list(options.connectSrc)}`,
    `frame-src ${list(options.frameSrc)}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

/** Adds the headers every response carries; pages pass the CSP they need. */
export function applySecurityHeaders(headers: Headers, csp?: string): void {
  for (const [name, value] of Object.entries(STATIC_HEADERS)) headers.set(name, value);
  headers.set(
    "Content-Security-Policy",
    csp ?? "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  );
}
