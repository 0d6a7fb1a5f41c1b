// The site's languages. Kept apart from the schema so the Worker can use them without bundling zod.
export const LOCALES = ["it", "en"] as const;
export type Locale = (typeof LOCALES)[number];
