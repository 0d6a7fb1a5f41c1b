// What every handler gets besides the request: bindings, the execution context, the content store,
// the site's origin.
import type { ContentStore } from "./content/store.ts";

export type RequestScope = { env: Env; ctx: ExecutionContext; store: ContentStore; origin: string };
