import { beforeAll, describe, expect, it } from "vitest";
import { html, req, seed } from "../helpers/worker.ts";

beforeAll(async () => {
  await seed();
});

describe("smoke", () => {
  it("serves the Italian home", async () => {
    const res = await req("GET /it/");
    const body = await html(res);
    expect(res.status).toBe(200);
    expect(body).toContain("Far volare Milano");
  });
});
