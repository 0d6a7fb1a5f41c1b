// The one source of truth for content. Editor tooling and the Worker both parse with these schemas.
import { z } from "zod";

import { LOCALES } from "./locales.ts";

export { LOCALES };
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** A value required in every locale: a missing locale is a validation error, never a blank. */
export const localized = <T extends z.ZodType>(value: T) => z.strictObject({ it: value, en: value });

const text = z.string().trim().min(1, "must not be empty");
const paragraphs = z.array(text).min(1, "needs at least one paragraph");
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase words joined by hyphens (a-z, 0-9, -)")
  .max(80, "must be at most 80 characters");
const isoDate = z.iso.date("must be a real calendar date written YYYY-MM-DD");
const httpsUrl = z.url({ protocol: /^https$/, hostname: z.regexes.domain, error: "must be an absolute https:// link" });

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

const template = (...names: string[]) =>
  text.refine(
    (value) => names.every((name) => value.includes(`{${name}}`)),
    `must contain the placeholder${names.length > 1 ? "s" : ""} ${names.map((n) => `{${n}}`).join(", ")}`,
  );

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
  switchLanguage: z.strictObject({ label: text, hint: text }),
  dates: z.strictObject({
    months: z.array(text).length(12),
    format: text.refine(
      (value) => value.includes("{yyyy}") && /\{dd?\}/.test(value) && /\{(mm|month)\}/.test(value),
      "must contain {yyyy}, a day ({d} or {dd}) and a month ({mm} or {month})",
    ),
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
  achieved: z.strictObject({
    title: text,
    description: text,
    lead: text,
    count: template("count"),
    empty: text,
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
  pagination: z.strictObject({ label: text, previous: text, next: text, page: template("page", "pages") }),
  cookiePage: z.strictObject({ title: text, description: text, lead: text }),
  /** The bar on a staged version's pages (worker/preview/), seen only with a signed preview link. */
  preview: z.strictObject({ label: text, text: template("version", "expires"), live: text, noConsent: text }),
  footer: z.strictObject({
    about: text,
    cookiePreferences: text,
    illustrative: text,
    promoter: text,
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

// Cookie consent: categories, the services behind them with their cookies, and every text the visitor reads
// about them. The Worker derives the policy version from the substantive parts (ids, purposes, providers,
// origins, cookie names), never from the wording.

const consentKey = z
  .string()
  .regex(/^[a-z][a-z0-9]{0,31}$/, "must be lowercase letters and digits starting with a letter (it names a form field)");
const cspOrigin = z
  .string()
  .regex(/^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/, "must be an https origin such as https://www.example.com or https://*.example.com");
const origins = z.array(cspOrigin).optional();

export const ConsentCookie = z.strictObject({
  /** A trailing `*` stands for a family of names (`_ga_*`). */
  name: z.string().regex(/^[A-Za-z0-9_.-]+\*?$/, "must be a cookie name, optionally ending in *"),
  provider: text,
  /** Set on this site's own domain, so the Worker can delete it when consent is withdrawn. */
  firstParty: z.boolean(),
  purpose: localized(text),
  duration: localized(text),
});
export type ConsentCookie = z.infer<typeof ConsentCookie>;

export const ConsentService = z.strictObject({
  id: consentKey,
  category: consentKey,
  name: text,
  provider: text,
  /** The binding that must be set for the service to exist; without it the service (and maybe its category) is hidden. */
  requires: z.enum(["GA_MEASUREMENT_ID"]).optional(),
  /** The media provider whose placeholders this service turns into embeds. */
  embeds: MediaItem.shape.provider.optional(),
  embedUrl: template("id").pipe(httpsUrl).optional(),
  origins: z.strictObject({ script: origins, connect: origins, img: origins, frame: origins }).default({}),
  privacyPolicy: httpsUrl.optional(),
  purpose: localized(text),
  legalBasis: localized(text),
  transfer: localized(text),
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
  /** The banner's one line about this category's purpose. */
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
    sections: z.array(z.strictObject({ heading: text, paragraphs })).min(1),
  }),
});
export type ConsentTexts = z.infer<typeof ConsentTexts>;

const ConsentConfigFields = z.strictObject({
  updated: isoDate,
  categories: z.array(ConsentCategory).min(1),
  services: z.array(ConsentService).min(1),
  texts: localized(ConsentTexts),
});

export const ConsentConfig = ConsentConfigFields.superRefine(checkConsentConfig);
export type ConsentConfig = z.infer<typeof ConsentConfig>;

/** The rules across categories and services that keep every choice honest and granular. */
function checkConsentConfig(config: z.infer<typeof ConsentConfigFields>, ctx: z.RefinementCtx): void {
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: "custom", path, message });
  const categories = new Map(config.categories.map((c) => [c.id, c]));
  const required = config.categories.filter((c) => c.required);
  if (required.length !== 1) issue(["categories"], "exactly one category must be required (the technical one)");
  duplicates(config.categories.map((c) => c.id)).forEach((i) => issue(["categories", i, "id"], "is used twice"));
  duplicates(config.services.map((s) => s.id)).forEach((i) => issue(["services", i, "id"], "is used twice"));
  duplicates(config.services.map((s) => s.embeds ?? `-${s.id}`)).forEach((i) =>
    issue(["services", i, "embeds"], "another service already embeds this provider"),
  );
  config.services.forEach((service, i) => {
    const category = categories.get(service.category);
    if (!category) return issue(["services", i, "category"], `"${service.category}" is not a category`);
    duplicates(service.cookies.map((c) => c.name)).forEach((j) => issue(["services", i, "cookies", j, "name"], "is listed twice"));
    if (category.required && (service.requires || Object.values(service.origins).some((o) => o?.length))) {
      issue(["services", i], "a technical service must be first-party: no third-party origins, no binding it requires");
    }
    if (Boolean(service.embeds) !== Boolean(service.embedUrl)) {
      issue(["services", i, "embedUrl"], "embeds and embedUrl go together");
    }
    if (service.embedUrl && !service.origins.frame?.includes(new URL(service.embedUrl.replace("{id}", "x")).origin)) {
      issue(["services", i, "origins", "frame"], "must list the origin of embedUrl");
    }
  });
  config.categories.forEach((category, i) => {
    const count = config.services.filter((s) => s.category === category.id).length;
    if (count === 0) issue(["categories", i], "has no service: a category with nothing behind it is never shown");
    // One third party per optional category keeps each third party selectable on its own with the cat_<id> fields.
    if (!category.required && count > 1) issue(["categories", i], "an optional category holds exactly one service");
  });
}

function duplicates(values: string[]): number[] {
  return values.flatMap((value, i) => (values.indexOf(value) < i ? [i] : []));
}
