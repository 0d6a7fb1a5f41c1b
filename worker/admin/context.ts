// What every admin handler gets.
import type { AdminPrincipal } from "./auth.ts";

export type AdminContext = { request: Request; url: URL; env: Env; principal: AdminPrincipal };
