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
    policyLink: text,
  }),
  pagination: z.strictObject({ label: text, previous: text, next: text, page: template("page", "pages") }),
  cookiePage: z.strictObject({ title: text, description: text, lead: text }),
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
  }),
});
export type UiStrings = z.infer<typeof UiStrings>;

export const Strings = localized(UiStrings);
export type Strings = z.infer<typeof Strings>;
