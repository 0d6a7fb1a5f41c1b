// Ed25519 signatures on tree heads and export manifests: the log signs with a private JWK (secret);
// anyone verifies with the public key. Each signed text names its type, so one kind of statement
// never passes for another.
import { fromBase64Url, sha256, toBase64Url, toHex } from "../../lib/bytes.ts";
import { canonicalTreeHead } from "./canonical-record.ts";
import type { TreeHead } from "./record-types.ts";

const ED25519 = { name: "Ed25519" } as const;

export type LedgerSigner = {
  /** base64url of the 32-byte public key. */
  publicKey: string;
  keyId: string;
  /** base64url Ed25519 signature over the UTF-8 text. */
  signText(text: string): Promise<string>;
  signHead(fields: Pick<TreeHead, "size" | "root" | "timestamp">): Promise<TreeHead>;
};

/** Builds a signer from a private Ed25519 JWK (`{"kty":"OKP","crv":"Ed25519","d":…,"x":…}`). */
export async function importSigner(secret: string): Promise<LedgerSigner> {
  const jwk = JSON.parse(secret) as JsonWebKey;
  if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || !jwk.d || !jwk.x)
    throw new Error("not an Ed25519 private JWK");
  const key = await crypto.subtle.importKey("jwk", jwk, ED25519, false, ["sign"]);
  const publicKey = jwk.x;
  const keyId = await keyIdOf(publicKey);
  const signText = async (text: string) =>
    toBase64Url(
      new Uint8Array(await crypto.subtle.sign(ED25519, key, new TextEncoder().encode(text))),
    );
  return {
    publicKey,
    keyId,
    signText,
    async signHead({ size, root, timestamp }) {
      const unsigned = { size, root, timestamp, keyId };
      return { ...unsigned, signature: await signText(canonicalTreeHead(unsigned)) };
    },
  };
}

/** A short, stable name for a public key: the first 16 hex digits of SHA-256 over its 32 bytes. */
export async function keyIdOf(publicKey: string): Promise<string> {
  return toHex(await sha256(fromBase64Url(publicKey))).slice(0, 16);
}

export type PublicKeys = Map<string, CryptoKey>;

/** Imports base64url public keys, keyed by key id. */
export async function importPublicKeys(publicKeys: readonly string[]): Promise<PublicKeys> {
  const entries = await Promise.all(
    publicKeys.map(async (k) => {
      const bytes = fromBase64Url(k);
      if (bytes.length !== 32) throw new Error(`public key ${k.slice(0, 8)}… is not 32 bytes`);
      return [
        await keyIdOf(k),
        await crypto.subtle.importKey("raw", bytes, ED25519, false, ["verify"]),
      ] as const;
    }),
  );
  return new Map(entries);
}

/**
 * True when `signature` over `text` verifies under the trusted key `keyId` (false for an
 * unknown key).
 */
export async function verifySigned(
  keys: PublicKeys,
  keyId: string,
  text: string,
  signature: string,
): Promise<boolean> {
  const key = keys.get(keyId);
  if (!key) return false;
  try {
    return await crypto.subtle.verify(
      ED25519,
      key,
      fromBase64Url(signature),
      new TextEncoder().encode(text),
    );
  } catch {
    return false;
  }
}

export function verifyHeadSignature(keys: PublicKeys, head: TreeHead): Promise<boolean> {
  return verifySigned(keys, head.keyId, canonicalTreeHead(head), head.signature);
}

/** A fresh key pair: the private JWK (the secret) and the public key (base64url). */
export async function generateKeyPair(): Promise<{
  privateJwk: string;
  publicKey: string;
  keyId: string;
}> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const jwk = (await crypto.subtle.exportKey("jwk", pair.privateKey)) as JsonWebKey;
  const privateJwk = JSON.stringify({ kty: jwk.kty, crv: jwk.crv, d: jwk.d, x: jwk.x });
  return { privateJwk, publicKey: jwk.x!, keyId: await keyIdOf(jwk.x!) };
}
