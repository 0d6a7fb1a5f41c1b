// Synthetic projects for scale tests: plausible in size and shape, obviously not real. Pure, so
// workerd tests can use it.
import type { ChapterId, ProjectInput } from "../../content/schema.ts";

const CHAPTERS: ChapterId[] = ["imprese", "milano", "expo", "assolombarda"];
const THEMES = [
  ["innovazione", "innovation"],
  ["formazione", "training"],
  ["credito", "credit"],
  ["territorio", "territory"],
  ["export", "exports"],
  ["energia", "energy"],
] as const;

/**
 * `count` projects numbered 1..count, marked illustrative and titled "Progetto sintetico N" /
 * "Synthetic project N".
 */
export function syntheticProjects(count: number): ProjectInput[] {
  return Array.from({ length: count }, (_, i) => syntheticProject(i + 1));
}

function syntheticProject(n: number): ProjectInput {
  const [themeIt, themeEn] = THEMES[n % THEMES.length]!;
  const achieved = n % 3 === 0;
  const day = String((n % 28) + 1).padStart(2, "0");
  const month = String((n % 12) + 1).padStart(2, "0");
  const date = `${2014 + (n % 3)}-${month}-${day}`;
  return {
    id: `sintetico-${n}`,
    number: n,
    chapter: CHAPTERS[n % CHAPTERS.length]!,
    illustrative: true,
    status: achieved ? { state: "achieved", date } : { state: "in-progress", updated: date },
    responsible: "Referente sintetico",
    text: {
      it: {
        slug: `progetto-sintetico-${n}`,
        title: `Progetto sintetico ${n}`,
        summary: `Progetto generato per le prove di carico sul tema ${themeIt}: non descrive un'attività reale.`,
        objective: `Verificare che il sito resti piccolo e veloce con migliaia di progetti (tema: ${themeIt}).`,
        done: [
          `Questo testo è sintetico. Serve a dare alla pagina del progetto ${n} una lunghezza simile a quella dei progetti veri, con alcuni paragrafi di testo.`,
          "Nessun dato, data o risultato di questo progetto è reale: è stato generato automaticamente per misurare il comportamento del sito su larga scala.",
        ],
        responsibleRole: "Ruolo sintetico",
        tags: [themeIt, "sintetico"],
      },
      en: {
        slug: `synthetic-project-${n}`,
        title: `Synthetic project ${n}`,
        summary: `A project generated for load tests on the theme of ${themeEn}: it does not describe real work.`,
        objective: `To check that the site stays small and fast with thousands of projects (theme: ${themeEn}).`,
        done: [
          `This text is synthetic. It gives the page of project ${n} a length similar to that of the real projects, with a few paragraphs of text.`,
          "No figure, date or result of this project is real: it was generated automatically to measure how the site behaves at scale.",
        ],
        responsibleRole: "Synthetic role",
        tags: [themeEn, "synthetic"],
      },
    },
    related: [
      {
        kind: "news",
        date,
        url: "https://www.assolombarda.it/",
        title: {
          it: `Notizia sintetica sul progetto ${n}`,
          en: `Synthetic news about project ${n}`,
        },
      },
    ],
    media: [],
  };
}
