import { expect, it } from "vitest";
import { CONTENT_FILES } from "../helpers/content.ts";
it("loads content", () => {
  expect(CONTENT_FILES.length).toBeGreaterThan(2);
});
