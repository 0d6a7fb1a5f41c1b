// Bytes as they travel: raw, gzip and brotli at the levels an edge uses for static text.
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export type Sizes = { raw: number; gzip: number; brotli: number };

export function compressedSizes(data: Buffer | string): Sizes {
  const bytes = typeof data === "string" ? Buffer.from(data) : data;
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
