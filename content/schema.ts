// The one source of truth for content. Editor tooling and the Worker both parse with these schemas.
import { z } from "zod";

import { fingerprintWording } from "./consent-substance.ts";
import {
  ACCESS_AUTHS,
  ACCESS_KINDS,
  ACTIONS,
  METHODS,
  REFUSAL_REASONS,
  UNCLASSIFIED_REFUSAL,
} from "./ledger-vocabulary.ts";
import { LOCALES } from "./locales.ts";

export { LOCALES };
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** A value required in every locale: a missing locale is a validation error, never a blank. */
export const localized = <T extends z.ZodType>(value: T) =>
  z.strictObject({ it: value, en: value });

const text = z.string().trim().min(1, "must not be empty");
const paragraphs = z.array(text).min(1, "needs at least one paragraph");
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase words joined by hyphens (a-z, 0-9, -)")
  .max(80, "must be at most 80 characters");
const isoDate = z.iso.date("must be a real calendar date written YYYY-MM-DD");
const httpsUrl = z.url({
  protocol: /^https$/,
  hostname: z.regexes.domain,
  error: "must be an absolute https:// link",
});

export const ChapterId = z.enum(["imprese", "milano", "expo", "assolombarda"]);
export type ChapterId = z.infer<typeof ChapterId>;

export const Chapter = z.strictObject({
  id: ChapterId,
  number: z.int().min(1).max(9),
  title: localized(text),
  summary: localized(text),
});
export type Chapter = z.infer<typeof Chapter>;

export const Plan = z.strictObject({
  title: localized(text),
  subtitle: localized(text),
  period: text,
  presentedOn: isoDate,
  intro: localized(paragraphs),
  chapters: z.array(Chapter).length(4, "the plan has exactly four chapters"),
});
export type Plan = z.infer<typeof Plan>;

export const ProjectStatus = z.discriminatedUnion("state", [
  z.strictObject({ state: z.literal("achieved"), date: isoDate }),
  z.strictObject({ state: z.literal("in-progress"), updated: isoDate.optional() }),
]);
export type ProjectStatus = z.infer<typeof ProjectStatus>;

export const RelatedItem = z.strictObject({
  kind: z.enum(["press", "document", "news"]),
  date: isoDate,
  url: httpsUrl,
  title: localized(text),
});
export type RelatedItem = z.infer<typeof RelatedItem>;

export const MediaItem = z.strictObject({
  kind: z.literal("video"),
  provider: z.literal("youtube"),
  videoId: z.string().regex(/^[A-Za-z0-9_-]{11}$/, "must be an 11-character YouTube video id"),
  date: isoDate,
  title: localized(text),
});
export type MediaItem = z.infer<typeof MediaItem>;

export const ProjectText = z.strictObject({
  slug,
  title: text,
  summary: text.max(200, "must be at most 200 characters: it is the page description"),
  objective: text,
  done: paragraphs,
  responsibleRole: text,
  tags: z.array(text).optional(),
});
export type ProjectText = z.infer<typeof ProjectText>;

export const Project = z.strictObject({
  id: slug,
  number: z.int().min(1),
  chapter: ChapterId,
  /** True when the text is a plausible illustration rather than the documented record. */
  illustrative: z.boolean(),
  status: ProjectStatus,
  responsible: text,
  text: localized(ProjectText),
  related: z.array(RelatedItem).default([]),
  media: z.array(MediaItem).default([]),
});
export type Project = z.infer<typeof Project>;
export type ProjectInput = z.input<typeof Project>;

/**
 * A label with placeholders; the pattern says the same for the JSON Schema that editors' programs
 * check with.
 */
const template = (...names: string[]) => {
  const message = `must contain the placeholder${names.length > 1 ? "s" : ""} ${names.map((n) => `{${n}}`).join(", ")}`;
  return text
    .refine((value) => names.every((name) => value.includes(`{${name}}`)), message)
    .meta({
      pattern: `^${names.map((n) => `(?=[\\s\\S]*\\{${n}\\})`).join("")}`,
      patternErrorMessage: message,
    });
};

const DATE_FORMAT_MESSAGE =
  "must contain {yyyy}, a day ({d} or {dd}) and a month ({mm} or {month})";

/** Every visitor-facing label, for one locale. The same shape is required for each locale. */
export const UiStrings = z.strictObject({
  htmlLang: z.enum(["it", "en"]),
  ogLocale: z.string().regex(/^[a-z]{2}_[A-Z]{2}$/),
  languageName: text,
  siteName: text,
  siteTagline: text,
  skipToContent: text,
  mainNavLabel: text,
  nav: z.strictObject({ plan: text, achieved: text, cookies: text }),
  /** `ogLocale`: the other language's, for og:locale:alternate. */
  switchLanguage: z.strictObject({
    label: text,
    hint: text,
    ogLocale: z.string().regex(/^[a-z]{2}_[A-Z]{2}$/),
  }),
  dates: z.strictObject({
    months: z.array(text).length(12),
    format: text
      .refine(
        (value) =>
          value.includes("{yyyy}") && /\{dd?\}/.test(value) && /\{(mm|month)\}/.test(value),
        DATE_FORMAT_MESSAGE,
      )
      .meta({
        pattern: "^(?=[\\s\\S]*\\{yyyy\\})(?=[\\s\\S]*\\{dd?\\})(?=[\\s\\S]*\\{(?:mm|month)\\})",
        patternErrorMessage: DATE_FORMAT_MESSAGE,
      }),
  }),
  status: z.strictObject({
    achievedOn: template("date"),
    achievedShort: text,
    inProgress: text,
    updatedOn: template("date"),
  }),
  home: z.strictObject({
    title: text,
    description: text,
    lead: text,
    progress: template("achieved", "total"),
    chaptersHeading: text,
    chapterCount: template("count"),
    achievedLink: text,
  }),
  filters: z.strictObject({
    label: text,
    chapter: text,
    allChapters: text,
    status: text,
    allStatuses: text,
    apply: text,
    reset: text,
    results: template("count"),
    resultOne: text,
    resultNone: text,
  }),
  achieved: z.strictObject({
    title: text,
    description: text,
    lead: text,
    count: template("count"),
    empty: text,
    feedTitle: text,
  }),
  project: z.strictObject({
    number: template("number"),
    chapter: text,
    objective: text,
    done: text,
    responsible: text,
    related: text,
    relatedKinds: z.strictObject({ press: text, document: text, news: text }),
    media: text,
    tags: text,
    illustrative: text,
    backToPlan: text,
    backToAchieved: text,
    breadcrumb: text,
  }),
  media: z.strictObject({
    placeholderHeading: template("provider"),
    placeholderText: template("provider"),
    allowAndPlay: text,
    allowNotice: text,
    policyLink: text,
  }),
  pagination: z.strictObject({
    label: text,
    previous: text,
    next: text,
    page: template("page", "pages"),
  }),
  cookiePage: z.strictObject({ title: text, description: text, lead: text }),
  /**
   * The bar on a staged version's pages (worker/preview/), seen only with a signed preview link.
   */
  preview: z.strictObject({
    label: text,
    text: template("version", "expires"),
    live: text,
    noConsent: text,
  }),
  footer: z.strictObject({
    about: text,
    cookiePreferences: text,
    illustrative: text,
    promoter: text,
    feed: text,
  }),
  errors: z.strictObject({
    notFound: z.strictObject({ title: text, text: text, action: text }),
    badRequest: z.strictObject({ title: text, text: text, action: text }),
    serverError: z.strictObject({ title: text, text: text, action: text }),
    unavailable: z.strictObject({ title: text, text: text, action: text }),
    consentRefused: z.strictObject({ title: text, text: text, action: text }),
    consentForeign: z.strictObject({ title: text, text: text, action: text }),
    consentNotSaved: z.strictObject({ title: text, text: text, action: text }),
    tooManyRequests: z.strictObject({ title: text, text: text, action: text }),
    previewInvalid: z.strictObject({ title: text, text: text, action: text }),
    previewExpired: z.strictObject({ title: text, text: text, action: text }),
    previewUnknown: z.strictObject({ title: text, text: text, action: text }),
  }),
});
export type UiStrings = z.infer<typeof UiStrings>;

export const Strings = localized(UiStrings);
export type Strings = z.infer<typeof Strings>;

// Cookie consent: categories, the services behind them with their cookies, and every text the
// visitor reads about them. The Worker derives the policy version from the substantive parts
// (content/consent-substance.ts: ids, purposes and their review revision, providers, origins, legal
// and transfer bases, cookie names and lifetimes), never from the wording.

const consentKey = z
  .string()
  .regex(
    /^[a-z][a-z0-9]{0,31}$/,
    "must be lowercase letters and digits starting with a letter (it names a form field)",
  );
const cspOrigin = z
  .string()
  .regex(
    /^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/,
    "must be an https origin such as https://www.example.com or https://*.example.com",
  );
const origins = z.array(cspOrigin).optional();

/**
 * GDPR art. 6(1)(a) consent, 6(1)(c) a legal obligation (art. 7(1): being able to
 * demonstrate consent).
 */
export const LegalBasis = z.enum(["consent", "legal-obligation"]);
/**
 * Where data may go outside the EU, and on what basis: none, an adequacy decision (art. 45), SCCs
 * (art. 46(2)(c)).
 */
export const TransferBasis = z.enum(["none", "adequacy", "scc"]);
const TransferBases = z
  .array(TransferBasis)
  .min(1, 'name the transfer bases, or ["none"]')
  .refine((list) => !list.includes("none") || list.length === 1, '"none" stands alone')
  .refine((list) => new Set(list).size === list.length, "lists a basis twice");

export const PurposeReview = z.strictObject({
  revision: z.int().min(1),
  wording: z
    .string()
    .regex(/^[0-9a-f]{8}$/, "must be the 8-hex-digit fingerprint the validator prints"),
});

/**
 * What the record of processing (GDPR art. 30) and the notice (art. 13) say about a processing,
 * per locale.
 */
export const ProcessingRecord = z.strictObject({
  data: localized(text),
  subjects: localized(text),
  recipients: localized(text),
  retention: localized(text),
  security: localized(text),
});

export const ConsentCookie = z.strictObject({
  /** A trailing `*` stands for a family of names (`_ga_*`). */
  name: z.string().regex(/^[A-Za-z0-9_.-]+\*?$/, "must be a cookie name, optionally ending in *"),
  provider: text,
  /** Set on this site's own domain, so the Worker can delete it when consent is withdrawn. */
  firstParty: z.boolean(),
  purpose: localized(text),
  /**
   * How long it lives: `session`, or P<n>D, P<n>M, P<n>Y. The visitor reads it written out in
   * their language.
   */
  maxAge: z
    .string()
    .regex(
      /^(session|P[1-9][0-9]{0,3}[DMY])$/,
      "must be session, or P<n>D, P<n>M or P<n>Y (days, months, years)",
    ),
});
export type ConsentCookie = z.infer<typeof ConsentCookie>;

export const ConsentService = z.strictObject({
  id: consentKey,
  category: consentKey,
  name: text,
  provider: text,
  /**
   * The binding that must be set for the service to exist; without it the service (and maybe its
   * category) is hidden.
   */
  requires: z.enum(["GA_MEASUREMENT_ID"]).optional(),
  /** The media provider whose placeholders this service turns into embeds. */
  embeds: MediaItem.shape.provider.optional(),
  embedUrl: template("id").pipe(httpsUrl).optional(),
  origins: z
    .strictObject({ script: origins, connect: origins, img: origins, frame: origins })
    .default({}),
  privacyPolicy: httpsUrl.optional(),
  purpose: localized(text),
  /**
   * Editors' explicit word on the purpose's wording: `wording` is the fingerprint of the texts they
   * last reviewed; `revision` goes up when an edit changes what is done with the data (everyone is
   * asked again), not otherwise.
   */
  purposeReview: PurposeReview,
  basis: LegalBasis,
  legalBasis: localized(text),
  transferBasis: TransferBases,
  transfer: localized(text),
  record: ProcessingRecord,
  cookies: z.array(ConsentCookie).min(1, "list every cookie the service sets"),
});
export type ConsentService = z.infer<typeof ConsentService>;

export const ConsentCategory = z.strictObject({
  id: consentKey,
  /** The technical category: always on, shown locked. */
  required: z.boolean(),
  purposes: z.array(slug).min(1, "name at least one purpose"),
  name: localized(text),
  description: localized(text),
  /**
   * What the banner puts in brackets after the category's name: who provides it. Keep it short, the
   * banner is read on phones.
   */
  summary: localized(text),
});
export type ConsentCategory = z.infer<typeof ConsentCategory>;

export const ConsentTexts = z.strictObject({
  banner: z.strictObject({
    title: text,
    intro: text,
    closeNotice: text,
    withdrawNotice: text,
    policyLink: text,
    acceptAll: text,
    rejectAll: text,
    customize: text,
    close: text,
    signalNotice: text,
    done: text,
    /** The label of the banner's disclosure, and the longer explanation inside it. */
    details: text,
    detailsIntro: text,
    /**
     * The one line a banner shown again after a substantive change adds: what changed since the
     * visitor's choice.
     */
    changed: template("changes"),
    /** The same when the visitor's earlier policy is not on record. */
    changedUnknown: text,
  }),
  /** How each kind of change is named in `banner.changed`; joined with `changesJoin`. */
  changes: z.strictObject({
    categoryAdded: template("category"),
    categoryRemoved: template("category"),
    purposesChanged: template("category"),
    serviceAdded: template("service"),
    serviceRemoved: template("service"),
    providerChanged: template("service"),
    purposeChanged: template("service"),
    basisChanged: template("service"),
    transferChanged: template("service"),
    originsChanged: template("service"),
    cookieAdded: template("cookie", "service"),
    cookieRemoved: template("cookie", "service"),
    durationChanged: template("cookie", "from", "to"),
    join: z.string().min(1),
  }),
  preferences: z.strictObject({
    title: text,
    lead: text,
    alwaysOn: text,
    on: text,
    off: text,
    provider: text,
    purpose: text,
    legalBasis: text,
    transfer: text,
    privacyPolicy: text,
    cookiesCaption: template("service"),
    cookieName: text,
    cookieProvider: text,
    cookiePurpose: text,
    cookieDuration: text,
    durations: z.strictObject({
      session: text,
      day: text,
      days: template("n"),
      month: text,
      months: template("n"),
      year: text,
      years: template("n"),
    }),
    acceptAll: text,
    rejectAll: text,
    save: text,
    saveHint: text,
  }),
  receipt: z.strictObject({
    title: text,
    none: text,
    consentId: text,
    date: text,
    choices: text,
    granted: text,
    denied: text,
    quote: text,
    withdraw: text,
    withdrawHint: text,
  }),
  policy: z.strictObject({
    title: text,
    updated: template("date"),
    /** Shown next to the controller's details while `controller.toConfirm` is true. */
    toConfirm: text,
    controller: z.strictObject({
      heading: text,
      lead: text,
      address: text,
      email: text,
      website: text,
      dpo: text,
    }),
    processing: z.strictObject({
      heading: text,
      lead: text,
      purpose: text,
      basis: text,
      data: text,
      subjects: text,
      recipients: text,
      retention: text,
      transfer: text,
      /** How to obtain a copy of the transfer safeguards (GDPR art. 13(1)(f)). */
      transferCopy: text,
      consentLog: text,
      provision: text,
    }),
    /** Prose sections between the processing list and the rights. */
    sections: z.array(z.strictObject({ heading: text, paragraphs })).min(1),
    rights: z.strictObject({
      heading: text,
      lead: text,
      items: z
        .array(text)
        .min(
          7,
          "name every right: access, rectification, erasure, restriction, portability, objection, withdrawal",
        ),
      exercise: template("email"),
      complaint: text,
    }),
  }),
});
export type ConsentTexts = z.infer<typeof ConsentTexts>;

/**
 * Who decides and how to reach them: the one place the association confirms (`toConfirm` until
 * it has).
 */
export const ConsentController = z.strictObject({
  toConfirm: z.boolean(),
  name: text,
  address: text,
  email: text,
  website: httpsUrl,
  dpo: z.strictObject({ email: text, address: text }),
});

/**
 * The consent log is a processing of its own: told in the notice, entered in the record
 * of processing.
 */
export const ConsentLogProcessing = z.strictObject({
  name: localized(text),
  purpose: localized(text),
  basis: LegalBasis,
  legalBasis: localized(text),
  transferBasis: TransferBases,
  transfer: localized(text),
  record: ProcessingRecord,
});

/** The supervisory authority a visitor may complain to. */
export const Authority = z.strictObject({
  name: localized(text),
  address: text,
  email: text,
  website: httpsUrl,
});

const ConsentConfigFields = z.strictObject({
  updated: isoDate,
  controller: ConsentController,
  consentLog: ConsentLogProcessing,
  authority: Authority,
  categories: z.array(ConsentCategory).min(1),
  services: z.array(ConsentService).min(1),
  texts: localized(ConsentTexts),
});

export const ConsentConfig = ConsentConfigFields.superRefine(checkConsentConfig);
export type ConsentConfig = z.infer<typeof ConsentConfig>;

/** The rules across categories and services that keep every choice honest and granular. */
function checkConsentConfig(
  config: z.infer<typeof ConsentConfigFields>,
  ctx: z.RefinementCtx,
): void {
  const issue = (path: PropertyKey[], message: string) =>
    ctx.addIssue({ code: "custom", path, message });
  const categories = new Map(config.categories.map((c) => [c.id, c]));
  const required = config.categories.filter((c) => c.required);
  if (required.length !== 1)
    issue(["categories"], "exactly one category must be required (the technical one)");
  duplicates(config.categories.map((c) => c.id)).forEach((i) =>
    issue(["categories", i, "id"], "is used twice"),
  );
  duplicates(config.services.map((s) => s.id)).forEach((i) =>
    issue(["services", i, "id"], "is used twice"),
  );
  duplicates(config.services.map((s) => s.embeds ?? `-${s.id}`)).forEach((i) =>
    issue(["services", i, "embeds"], "another service already embeds this provider"),
  );
  config.services.forEach((service, i) => {
    const category = categories.get(service.category);
    if (!category)
      return issue(["services", i, "category"], `"${service.category}" is not a category`);
    duplicates(service.cookies.map((c) => c.name)).forEach((j) =>
      issue(["services", i, "cookies", j, "name"], "is listed twice"),
    );
    if (
      category.required &&
      (service.requires || Object.values(service.origins).some((o) => o?.length))
    ) {
      issue(
        ["services", i],
        "a technical service must be first-party: no third-party origins, no binding it requires",
      );
    }
    if (Boolean(service.embeds) !== Boolean(service.embedUrl)) {
      issue(["services", i, "embedUrl"], "embeds and embedUrl go together");
    }
    if (
      service.embedUrl &&
      !service.origins.frame?.includes(new URL(service.embedUrl.replace("{id}", "x")).origin)
    ) {
      issue(["services", i, "origins", "frame"], "must list the origin of embedUrl");
    }
    if (category.required && service.basis === "consent")
      issue(["services", i, "basis"], "a technical service needs no consent");
    if (!category.required && service.basis !== "consent")
      issue(["services", i, "basis"], 'an optional service runs on consent: "consent"');
    const wording = fingerprintWording(service.purpose);
    if (wording !== service.purposeReview.wording) {
      const next = service.purposeReview.revision + 1;
      issue(
        ["services", i, "purposeReview"],
        `the purpose's wording changed since it was last reviewed: say whether what is done with the data changed. ` +
          `Yes: set "purposeReview": { "revision": ${next}, "wording": "${wording}" } (a new policy version: everyone is asked again). ` +
          `No, only the words: set "purposeReview": { "revision": ${service.purposeReview.revision}, "wording": "${wording}" } (nobody is asked again).`,
      );
    }
  });
  config.categories.forEach((category, i) => {
    const count = config.services.filter((s) => s.category === category.id).length;
    if (count === 0)
      issue(["categories", i], "has no service: a category with nothing behind it is never shown");
    // One third party per optional category keeps each third party selectable on its own with the
    // cat_<id> fields.
    if (!category.required && count > 1)
      issue(["categories", i], "an optional category holds exactly one service");
  });
}

function duplicates(values: string[]): number[] {
  return values.flatMap((value, i) => (values.indexOf(value) < i ? [i] : []));
}

// The policies visitors have agreed to before: content/consent-history.json, written by `npm run
// consent:policy -- --record`, never by hand. Its last entry must be the substance of consent.json
// as it is (the validator says so), so a visitor's earlier choice can always be told what changed
// since (content/consent-substance.ts).
const CookieSubstance = z.strictObject({
  name: z.string(),
  firstParty: z.boolean(),
  maxAge: z.string(),
});
const ServiceSubstance = z.strictObject({
  id: z.string(),
  provider: z.string(),
  requires: z.string().nullable(),
  embeds: z.string().nullable(),
  origins: z.record(z.string(), z.array(z.string())),
  basis: z.string(),
  transferBasis: z.array(z.string()),
  purposeRevision: z.int(),
  cookies: z.array(CookieSubstance),
});
const CategorySubstance = z.strictObject({
  id: z.string(),
  required: z.boolean(),
  purposes: z.array(z.string()),
  services: z.array(ServiceSubstance),
});

export const ConsentHistoryEntry = z.strictObject({
  /** The day it was recorded: from then on, until the next entry, visitors agreed to this. */
  since: isoDate,
  substance: z.array(CategorySubstance),
  /** Names to tell a visitor what was removed; not part of the substance. */
  labels: z.strictObject({
    categories: z.record(z.string(), localized(text)),
    services: z.record(z.string(), text),
  }),
});
export type ConsentHistoryEntry = z.infer<typeof ConsentHistoryEntry>;

export const ConsentHistory = z.strictObject({
  note: z.string().optional(),
  policies: z.array(ConsentHistoryEntry).min(1, "record at least the policy in force"),
});
export type ConsentHistory = z.infer<typeof ConsentHistory>;

/** consent.json with the policies recorded before it (the validator joins the two files). */
export type ConsentBundle = ConsentConfig & { history?: ConsentHistoryEntry[] };

// The compliance dashboard's labels (content/admin.json), per locale: bundled into the Worker (the
// admin must not depend on KV), validated like every visitor-facing string. A key missing in one
// locale is an error.
const labels = <K extends string>(...keys: K[]) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, text])) as Record<K, typeof text>);

export const AdminStrings = z.strictObject({
  htmlLang: z.enum(["it", "en"]),
  layout: z.strictObject({
    brand: text,
    signedInAs: template("who"),
    language: text,
    languages: z.strictObject({ it: text, en: text }),
  }),
  dashboard: labels(
    "title",
    "heading",
    "filtersHeading",
    "from",
    "to",
    "action",
    "policyVersion",
    "consentId",
    "apply",
    "reset",
    "any",
    "historyHeading",
    "rangeStart",
    "rangeToday",
    "rangeJoin",
    "decisions",
    "consentIds",
    "byAction",
    "ratesHeading",
    "ratesCaption",
    "noDecisions",
    "perDayHeading",
    "chartActionsTitle",
    "chartCategoriesTitle",
    "chartData",
    "day",
    "exportHeading",
    "exportLead",
    "verifyHint",
    "excelCsv",
    "latestHeading",
    "noRecords",
  ).extend({
    historyCaption: template("n"),
    totalsHeading: template("range"),
    chartActionsDescription: template("range"),
    chartCategoriesDescription: template("range"),
    latestCaption: template("n"),
  }),
  records: labels(
    "seq",
    "recordedAt",
    "consentId",
    "action",
    "method",
    "granted",
    "denied",
    "signals",
    "locale",
    "policy",
    "texts",
    "eventId",
  ),
  actions: labels(...ACTIONS),
  methods: labels(...METHODS),
  chain: labels(
    "heading",
    "records",
    "lastRecord",
    "lastCheckpoint",
    "noneYet",
    "none",
    "unsealed",
    "publicKey",
    "noKey",
    "retention",
    "lastPurge",
    "never",
    "sealNow",
    "sealHint",
  ).extend({
    recordsRange: template("n", "first", "last"),
    checkpoint: template("seq", "at", "key"),
    retentionDays: template("n"),
    purge: template("at", "n", "seq"),
  }),
  texts: labels(
    "heading",
    "none",
    "policyVersion",
    "locale",
    "firstShown",
    "hash",
    "back",
    "pageHeading",
    "renderedHeading",
    "renderedNote",
    "raw",
    "notRenderable",
    "frameTitle",
  ).extend({
    pageTitle: template("hash"),
    hashNote: template("raw"),
  }),
  archive: labels(
    "none",
    "capturedAt",
    "browser",
    "markupHash",
    "intact",
    "altered",
    "records",
    "markupHeading",
    "markupNote",
    "bannerFrame",
    "preferencesFrame",
    "screenshotsHeading",
    "banner",
    "preferences",
    "phone",
    "desktop",
    "filesHeading",
    "file",
    "state",
    "ok",
    "bad",
  ).extend({
    heading: template("version"),
    recordsCount: template("matching", "other"),
    screenshot: template("layer", "viewport"),
  }),
  access: labels("heading", "at", "who", "how", "what", "request", "status").extend({
    kinds: labels(...ACCESS_KINDS),
    auths: labels(...ACCESS_AUTHS),
  }),
  refusals: labels("heading", "none", "hour", "reason", "status", "requests").extend({
    reasons: labels(...REFUSAL_REASONS, UNCLASSIFIED_REFUSAL),
  }),
  record: labels(
    "heading",
    "lead",
    "controller",
    "dpo",
    "toConfirm",
    "activity",
    "purpose",
    "basis",
    "data",
    "subjects",
    "recipients",
    "transfers",
    "erasure",
    "security",
  ).extend({
    onlyWith: template("binding"),
  }),
  errors: labels("crossSite"),
});
export type AdminStrings = z.infer<typeof AdminStrings>;
export const AdminStringsFile = localized(AdminStrings);
