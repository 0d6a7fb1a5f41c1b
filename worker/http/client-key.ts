// Who a client is for rate limiting: a keyed hash of its network, so no address is kept or sent on,
// even to the rate limiter. IPv6 counts by /64, the block one subscriber gets (rotating within it
// would otherwise reset the limit).
import { MIN_SECRET_LENGTH } from "../consent/cookie.ts";
import { toBase64Url } from "../../lib/bytes.ts";

const encoder = new TextEncoder();
/** Far longer than any address; a header past it is not an address, but still one client. */
const MAX_ADDRESS = 64;

let keyed: { secret: string; key: CryptoKey } | undefined;

/**
 * The network a connecting address counts as: an IPv4 address itself, an IPv6 address's /64. Pure.
 */
export function networkOf(address: string): string {
  const ip = address.trim().toLowerCase().slice(0, MAX_ADDRESS);
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(":")) return ip;
  const [head = "", tail] = ip.split("::", 2);
  const front = head ? head.split(":") : [];
  const back = tail ? tail.split(":") : [];
  const groups =
    tail === undefined
      ? front
      : [
          ...front,
          ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill("0"),
          ...back,
        ];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/**
 * `<purpose>:<hash>` for the client of a request, or null without a CF-Connecting-IP (Cloudflare
 * sets it on every request from the Internet; only calls that bypass its edge, such as tests
 * calling the Worker directly, lack it).
 */
export async function hashClient(
  headers: Headers,
  secret: string | undefined,
  purpose: string,
): Promise<string | null> {
  const address = headers.get("CF-Connecting-IP");
  if (address === null) return null;
  const mac = await crypto.subtle.sign(
    "HMAC",
    await loadKey(secret ?? ""),
    encoder.encode(`${purpose}\0${networkOf(address)}`),
  );
  return `${purpose}:${toBase64Url(new Uint8Array(mac, 0, 16))}`;
}

/**
 * The HMAC key, derived from CONSENT_SECRET (a label keeps it apart from the cookie's key). Without
 * a usable secret, one random key per isolate: still never reversible, only counted per isolate
 * until the secret is set.
 */
async function loadKey(secret: string): Promise<CryptoKey> {
  if (keyed?.secret === secret) return keyed.key;
  const params = { name: "HMAC", hash: "SHA-256" } as const;
  const key =
    secret.length >= MIN_SECRET_LENGTH
      ? await crypto.subtle.importKey(
          "raw",
          encoder.encode(`rate-limit\0${secret}`),
          params,
          false,
          ["sign"],
        )
      : ((await crypto.subtle.generateKey(params, false, ["sign"])) as CryptoKey);
  keyed = { secret, key };
  return key;
}
