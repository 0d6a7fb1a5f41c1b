// What a Lighthouse run comes to: four scores per page, and every weighted audit that is not
// perfect. Pure.

/** The part of Lighthouse's result (LHR) this summary reads. */
export type LighthouseResult = {
  lighthouseVersion: string;
  environment: { hostUserAgent: string };
  categories: Record<
    string,
    { title: string; score: number | null; auditRefs: { id: string; weight: number }[] }
  >;
  audits: Record<
    string,
    { title: string; score: number | null; scoreDisplayMode: string; displayValue?: string }
  >;
};

export type LighthouseIssue = {
  category: string;
  audit: string;
  title: string;
  score: number | null;
  value?: string;
};

export type LighthouseSummary = {
  name: string;
  path: string;
  lighthouse: string;
  environment: string;
  scores: Record<string, number | null>;
  issues: LighthouseIssue[];
};

export function summarize(name: string, path: string, lhr: LighthouseResult): LighthouseSummary {
  const scores: Record<string, number | null> = {};
  const issues: LighthouseIssue[] = [];
  for (const [id, category] of Object.entries(lhr.categories)) {
    scores[id] = category.score === null ? null : Math.round(category.score * 100);
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      issues.push({
        category: id,
        audit: ref.id,
        title: audit.title,
        score: audit.score,
        value: audit.displayValue,
      });
    }
  }
  return {
    name,
    path,
    lighthouse: lhr.lighthouseVersion,
    environment: lhr.environment.hostUserAgent,
    scores,
    issues,
  };
}

export function renderSummary(pages: LighthouseSummary[], userAgent: string): string {
  const categories = [...new Set(pages.flatMap((p) => Object.keys(p.scores)))];
  const lines = [
    `Lighthouse ${pages[0]?.lighthouse ?? "?"}, mobile (its default: emulated phone, simulated slow 4G and 4× CPU slowdown), ${new Date().toISOString().slice(0, 10)}, against the production bundle served by workerd on 127.0.0.1; browser: ${userAgent}.`,
    "",
    `| page | ${categories.join(" | ")} |`,
    `|---|${categories.map(() => "---").join("|")}|`,
    ...pages.map(
      (p) => `| \`${p.path}\` | ${categories.map((c) => p.scores[c] ?? "n/a").join(" | ")} |`,
    ),
    "",
  ];
  const issues = pages.flatMap((p) => p.issues.map((i) => ({ ...i, path: p.path })));
  lines.push(issues.length ? "Audits below 100:" : "Every weighted audit passes.", "");
  for (const i of issues) {
    lines.push(
      `- \`${i.path}\` ${i.category} / ${i.audit}: ${i.title}${i.value ? ` (${i.value})` : ""}, score ${i.score}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
