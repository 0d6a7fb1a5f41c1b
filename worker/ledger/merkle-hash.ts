// RFC 9162 §2.1.1 hashing: a leaf is SHA-256(0x00 ‖ data), an interior node SHA-256(0x01 ‖ left ‖
// right). Hashes travel as 64 lowercase hex digits. Pure (the digest is lib/bytes.ts): the Worker
// and the offline verifier share it.

import { sha256Hex } from "../../lib/bytes.ts";

export type Hash = string;

/** MTH({}): the hash of an empty tree, SHA-256 of nothing. */
export const EMPTY_ROOT: Hash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

const encoder = new TextEncoder();

/** The leaf hash of a record's canonical bytes (a string is taken as UTF-8). */
export function hashLeaf(data: string | Uint8Array): Promise<Hash> {
  const bytes = typeof data === "string" ? encoder.encode(data) : data;
  const input = new Uint8Array(bytes.length + 1);
  input.set(bytes, 1);
  return sha256Hex(input);
}

/** The hash of an interior node over its two children. */
export async function hashChildren(left: Hash, right: Hash): Promise<Hash> {
  const input = new Uint8Array(65);
  input[0] = 1;
  input.set(fromHex(left), 1);
  input.set(fromHex(right), 33);
  return sha256Hex(input);
}

export function isHash(value: unknown): value is Hash {
  return typeof value === "string" && /^[0-9a-f]{64}$/.test(value);
}

function fromHex(hash: Hash): Uint8Array {
  if (!isHash(hash)) throw new Error(`not a SHA-256 hex digest: ${String(hash).slice(0, 16)}`);
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = parseInt(hash.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
