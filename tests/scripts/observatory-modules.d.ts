// The few modules of @mdn/mdn-http-observatory (plain JS with JSDoc) that
// tests/scripts/build.observatory.test.ts uses.
type ObservatoryOutput = {
  pass: boolean | null;
  result: string | null;
  constructor: { name: string };
};

declare module "@mdn/mdn-http-observatory/src/constants.js" {
  export const ALL_TESTS: ((requests: unknown) => ObservatoryOutput)[];
}
declare module "@mdn/mdn-http-observatory/src/grader/charts.js" {
  export const MINIMUM_SCORE_FOR_EXTRA_CREDIT: number;
}
declare module "@mdn/mdn-http-observatory/src/grader/grader.js" {
  export function getGradeForScore(score: number): { score: number; grade: string };
  export function getScoreModifier(result: string): number;
}
declare module "@mdn/mdn-http-observatory/src/retriever/utils.js" {
  export function parseHttpEquivHeaders(html: string, baseUrl: string): Map<string, string[]>;
}
declare module "@mdn/mdn-http-observatory/src/types.js" {
  export class Requests {
    constructor(hostname: string);
    resources: { path: string | null };
    responses: Record<string, unknown> & { httpRedirects: { url: URL; status: number }[] };
    session: unknown;
  }
}
