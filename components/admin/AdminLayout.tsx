import type { ComponentChildren } from "preact";
import { ADMIN_CSS } from "./admin-styles.ts";

export type AdminLayoutProps = { title: string; principal: string; children: ComponentChildren };

/** The admin shell: no site chrome, no third-party assets, never indexed. */
export function AdminLayout({ title, principal, children }: AdminLayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: ADMIN_CSS }} />
      </head>
      <body>
        <header class="bar">
          <a href="/admin/">Consent ledger · Far volare Milano</a>
          <span>Signed in as {principal}</span>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
