// What a visitor agrees to, apart from how it is worded: the substance of a consent policy, the
// fingerprint of a purpose's wording, and the differences between two substances. Pure and
// synchronous: the validator, the editors' tool and the Worker all use it.

/** A cookie as far as consent goes: its name, who sets it and how long it lives. */
export type CookieSubstance = { name: string; firstParty: boolean; maxAge: string };

export type ServiceSubstance = {
  id: string;
  provider: string;
  requires: string | null;
  embeds: string | null;
  origins: Record<string, string[]>;
  basis: string;
  transferBasis: string[];
  /** Raised by editors when a purpose's wording changes what is done (purposeReview.revision). */
  purposeRevision: number;
  cookies: CookieSubstance[];
};

export type CategorySubstance = {
  id: string;
  required: boolean;
  purposes: string[];
  services: ServiceSubstance[];
};

/** Sorted everywhere, so reordering the file changes nothing. */
export type PolicySubstance = CategorySubstance[];

/** The fields substance is read from: a consent configuration, resolved to one locale or not. */
type CookieInput = { name: string; firstParty: boolean; maxAge: string };
type ServiceInput = {
  id: string;
  category: string;
  provider: string;
  requires?: string | undefined;
  embeds?: string | undefined;
  origins: Partial<Record<string, string[] | undefined>>;
  basis: string;
  transferBasis: readonly string[];
  purposeReview: { revision: number };
  cookies: readonly CookieInput[];
};
type CategoryInput = { id: string; required: boolean; purposes: readonly string[] };

const byKey = <T>(items: readonly T[], key: (item: T) => string) =>
  [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/**
 * The substance of categories and the services behind them (categories without a service are
 * left out).
 */
export function extractSubstance(
  categories: readonly CategoryInput[],
  services: readonly ServiceInput[],
): PolicySubstance {
  return byKey(categories, (c) => c.id)
    .map((category) => ({
      id: category.id,
      required: category.required,
      purposes: [...category.purposes].sort(),
      services: byKey(
        services.filter((s) => s.category === category.id),
        (s) => s.id,
      ).map(serviceSubstance),
    }))
    .filter((category) => category.services.length > 0);
}

function serviceSubstance(service: ServiceInput): ServiceSubstance {
  return {
    id: service.id,
    provider: service.provider,
    requires: service.requires ?? null,
    embeds: service.embeds ?? null,
    origins: Object.fromEntries(
      Object.entries(service.origins)
        .filter((entry): entry is [string, string[]] => Boolean(entry[1]?.length))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([kind, list]) => [kind, [...list].sort()]),
    ),
    basis: service.basis,
    transferBasis: [...service.transferBasis].sort(),
    purposeRevision: service.purposeReview.revision,
    cookies: byKey(service.cookies, (c) => c.name).map(({ name, firstParty, maxAge }) => ({
      name,
      firstParty,
      maxAge,
    })),
  };
}

/**
 * The substance a deployment shows: services needing a binding it lacks are dropped, then
 * empty categories.
 */
export function narrowSubstance(
  substance: PolicySubstance,
  bindings: ReadonlySet<string>,
): PolicySubstance {
  return substance
    .map((category) => ({
      ...category,
      services: category.services.filter((s) => s.requires === null || bindings.has(s.requires)),
    }))
    .filter((category) => category.services.length > 0);
}

/**
 * A short fingerprint of a purpose's wording in every locale (FNV-1a, 32 bits): enough to notice an
 * edit, which is all it is for. Editors copy it into purposeReview.wording when they say whether
 * the edit is substantive.
 */
export function fingerprintWording(texts: Record<string, string>): string {
  const source = Object.keys(texts)
    .sort()
    .map((locale) => `${locale}\u0000${texts[locale]}`)
    .join("\u0001");
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(source)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** One difference between two substances, in terms a visitor can be told. */
export type PolicyChange =
  | { kind: "category-added" | "category-removed" | "purposes-changed"; category: string }
  | { kind: "service-added" | "service-removed"; category: string; service: string }
  | {
      kind:
        | "provider-changed"
        | "purpose-changed"
        | "basis-changed"
        | "transfer-changed"
        | "origins-changed";
      service: string;
    }
  | { kind: "cookie-added" | "cookie-removed"; service: string; cookie: string }
  | { kind: "duration-changed"; service: string; cookie: string; from: string; to: string };

/**
 * What changed from `before` to `after`, in a stable order: categories, then services,
 * then cookies.
 */
export function diffSubstance(before: PolicySubstance, after: PolicySubstance): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const index = <T extends { id: string }>(items: readonly T[]) =>
    new Map(items.map((item) => [item.id, item]));
  const old = index(before);
  for (const category of after) {
    const was = old.get(category.id);
    if (!was) {
      changes.push({ kind: "category-added", category: category.id });
      continue;
    }
    if (was.purposes.join() !== category.purposes.join() || was.required !== category.required) {
      changes.push({ kind: "purposes-changed", category: category.id });
    }
    const oldServices = index(was.services);
    for (const service of category.services) {
      const previous = oldServices.get(service.id);
      if (previous) changes.push(...diffService(previous, service));
      else changes.push({ kind: "service-added", category: category.id, service: service.id });
    }
    for (const service of was.services) {
      if (!category.services.some((s) => s.id === service.id))
        changes.push({ kind: "service-removed", category: category.id, service: service.id });
    }
  }
  for (const category of before) {
    if (!after.some((c) => c.id === category.id))
      changes.push({ kind: "category-removed", category: category.id });
  }
  return changes;
}

function diffService(was: ServiceSubstance, now: ServiceSubstance): PolicyChange[] {
  const service = now.id;
  const changes: PolicyChange[] = [];
  if (was.provider !== now.provider) changes.push({ kind: "provider-changed", service });
  if (was.purposeRevision !== now.purposeRevision)
    changes.push({ kind: "purpose-changed", service });
  if (was.basis !== now.basis) changes.push({ kind: "basis-changed", service });
  if (was.transferBasis.join() !== now.transferBasis.join())
    changes.push({ kind: "transfer-changed", service });
  if (
    JSON.stringify([was.origins, was.embeds, was.requires]) !==
    JSON.stringify([now.origins, now.embeds, now.requires])
  ) {
    changes.push({ kind: "origins-changed", service });
  }
  const oldCookies = new Map(was.cookies.map((c) => [c.name, c]));
  for (const cookie of now.cookies) {
    const previous = oldCookies.get(cookie.name);
    if (!previous) changes.push({ kind: "cookie-added", service, cookie: cookie.name });
    else if (previous.maxAge !== cookie.maxAge)
      changes.push({
        kind: "duration-changed",
        service,
        cookie: cookie.name,
        from: previous.maxAge,
        to: cookie.maxAge,
      });
    // A cookie moving to another party's domain is a change of who holds it: told as a
    // new provider.
    else if (
      previous.firstParty !== cookie.firstParty &&
      !changes.some((c) => c.kind === "provider-changed")
    )
      changes.push({ kind: "provider-changed", service });
  }
  for (const cookie of was.cookies) {
    if (!now.cookies.some((c) => c.name === cookie.name))
      changes.push({ kind: "cookie-removed", service, cookie: cookie.name });
  }
  return changes;
}
