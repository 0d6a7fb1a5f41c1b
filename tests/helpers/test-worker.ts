// The Worker the workerd tests run: the site's Worker, with its ADMIN service binding answered in
// the same isolate by the compliance Worker (whose cron is this entry's), so a test's bindings
// reach both. Production forwards over a real service binding instead, as the node tier's served
// bundles do (scripts/lib/serve-bundle.ts runs the two side by side).
import admin from "../../worker/admin/index.ts";
import site from "../../worker/index.ts";

export * from "../../worker/admin/index.ts";

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const ADMIN = {
      fetch: (input: RequestInfo | URL, init?: RequestInit) =>
        admin.fetch(
          new Request(input, init) as Request<unknown, IncomingRequestCfProperties>,
          env,
          ctx,
        ),
    } as unknown as Fetcher;
    return site.fetch(request, { ...env, ADMIN }, ctx);
  },
  scheduled: admin.scheduled,
};
