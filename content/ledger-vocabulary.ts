// The consent ledger's vocabulary, each list defined once: what a visitor did (actions), where they
// did it (methods) and which browser privacy signals came with it; and the admin access log's (what
// a call did, how its caller signed in, why a refused one was refused). The consent form, the
// ledger's checks and zod schemas, the access log and the dashboard's labels (content/schema.ts)
// read these tuples; every type is inferred from them. Pure.

/** What a consent form can ask for. */
export const FORM_ACTIONS = ["accept_all", "reject_all", "save", "close"] as const;
/**
 * What a record says was done: a form's action, or `withdraw` when a valid earlier grant is taken
 * back entirely.
 */
export const ACTIONS = [...FORM_ACTIONS, "withdraw"] as const;
/**
 * Where the decision was made: the banner, its X (or Esc), the preferences page, a video's "allow
 * and play". Browser signals (GPC, DNT) are not a method: they are noted in `signals`.
 */
export const METHODS = ["banner", "banner_close", "preferences", "embed"] as const;
/**
 * Browser privacy signals present when the decision was made: Global Privacy Control, Do Not Track.
 */
export const SIGNALS = ["gpc", "dnt"] as const;

export type FormAction = (typeof FORM_ACTIONS)[number];
export type Action = (typeof ACTIONS)[number];
export type Method = (typeof METHODS)[number];
export type Signal = (typeof SIGNALS)[number];

/** What an admin call did, as the access log records it. */
export const ACCESS_KINDS = ["view", "export", "seal", "erase", "refused"] as const;
/** How an admin caller signed in. */
export const ACCESS_AUTHS = ["access", "token", "cli", "none"] as const;
/** Why a call was refused, from a small fixed set (attacker-chosen text never becomes a key). */
export const REFUSAL_REASONS = [
  "no_credentials",
  "wrong_token",
  "invalid_access_token",
  "admin_closed",
  "access_unverifiable",
  "other",
] as const;
/** The reason of refusals counted before reasons were (migrations/0003_admin_refusals.sql). */
export const UNCLASSIFIED_REFUSAL = "unclassified";

export type AccessKind = (typeof ACCESS_KINDS)[number];
export type AccessAuth = (typeof ACCESS_AUTHS)[number];
export type RefusalReason = (typeof REFUSAL_REASONS)[number];
