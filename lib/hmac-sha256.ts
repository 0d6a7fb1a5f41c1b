// HMAC-SHA256 (RFC 2104 over FIPS 180-4's SHA-256), synchronous, with the key's two padded blocks
// hashed once: for signing many short messages with one key where WebCrypto's asynchronous sign
// would cost more than the work (the per-view nonce). tests/unit/lib/hmac-sha256.test.ts checks it
// against WebCrypto on random keys and messages.

/**
 * The first 32 bits of the fractional parts of the cube roots of the first 64 primes (FIPS
 * 180-4 §4.2.2).
 */
const K = new Uint32Array(64);
/** The same of the square roots of the first 8 primes: the initial hash value (§5.3.3). */
const IV = new Uint32Array(8);
{
  const primes: number[] = [];
  for (let n = 2; primes.length < 64; n++) if (primes.every((p) => n % p !== 0)) primes.push(n);
  const fraction = (x: number) => ((x - Math.floor(x)) * 2 ** 32) >>> 0;
  primes.forEach((p, i) => {
    K[i] = fraction(Math.cbrt(p));
    if (i < 8) IV[i] = fraction(Math.sqrt(p));
  });
}

const W = new Uint32Array(64);

/** One 64-byte block of `bytes` at `at` into the state `h` (§6.2.2). */
function compress(h: Uint32Array, bytes: Uint8Array, at: number): void {
  for (let t = 0; t < 16; t++) {
    const i = at + t * 4;
    W[t] = (bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!;
  }
  for (let t = 16; t < 64; t++) {
    const a = W[t - 15]!;
    const b = W[t - 2]!;
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    W[t] = (W[t - 16]! + s0 + W[t - 7]! + s1) | 0;
  }
  let a = h[0]!;
  let b = h[1]!;
  let c = h[2]!;
  let d = h[3]!;
  let e = h[4]!;
  let f = h[5]!;
  let g = h[6]!;
  let k = h[7]!;
  for (let t = 0; t < 64; t++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (k + S1 + ((e & f) ^ (~e & g)) + K[t]! + W[t]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    k = g;
    g = f;
    f = e;
    e = (d! + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  h[0] = (h[0]! + a) | 0;
  h[1] = (h[1]! + b) | 0;
  h[2] = (h[2]! + c) | 0;
  h[3] = (h[3]! + d) | 0;
  h[4] = (h[4]! + e) | 0;
  h[5] = (h[5]! + f) | 0;
  h[6] = (h[6]! + g) | 0;
  h[7] = (h[7]! + k) | 0;
}

/**
 * Finishes a hash whose state `h` has taken `before` bytes (whole blocks): `tail`, the padding,
 * the length.
 */
function finish(h: Uint32Array, before: number, tail: Uint8Array): Uint8Array {
  const blocks = Math.ceil((tail.length + 9) / 64);
  const last = new Uint8Array(blocks * 64);
  last.set(tail);
  last[tail.length] = 0x80;
  const bits = (before + tail.length) * 8;
  const view = new DataView(last.buffer);
  view.setUint32(last.length - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(last.length - 4, bits >>> 0);
  for (let at = 0; at < last.length; at += 64) compress(h, last, at);
  const out = new Uint8Array(32);
  const digest = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) digest.setUint32(i * 4, h[i]!);
  return out;
}

/** The state after one padded key block (key XOR pad, RFC 2104). */
function keyedState(block: Uint8Array, pad: number): Uint32Array {
  const h = IV.slice();
  compress(
    h,
    block.map((b) => b ^ pad),
    0,
  );
  return h;
}

export type HmacKey = { readonly inner: Uint32Array; readonly outer: Uint32Array };

/**
 * An HMAC-SHA256 key, its two padded blocks hashed once. A key longer than a block is hashed first
 * (RFC 2104).
 */
export function hmacSha256Key(key: Uint8Array): HmacKey {
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? finish(IV.slice(), 0, key) : key);
  return { inner: keyedState(block, 0x36), outer: keyedState(block, 0x5c) };
}

/** HMAC-SHA256 of `message`. Messages longer than a few blocks are better signed with WebCrypto. */
export function hmacSha256(key: HmacKey, message: Uint8Array): Uint8Array {
  const inner = key.inner.slice();
  const whole = message.length - (message.length % 64);
  for (let at = 0; at < whole; at += 64) compress(inner, message, at);
  const innerDigest = finish(inner, 64 + whole, message.subarray(whole));
  return finish(key.outer.slice(), 64, innerDigest);
}
