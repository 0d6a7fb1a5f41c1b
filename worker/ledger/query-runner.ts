// Running a read query, whatever holds the database: D1 in the Worker, `wrangler d1 execute` in
// the CLI.
export type QueryRunner = <T>(sql: string, params: (string | number)[]) => Promise<T[]>;

/** A QueryRunner over a D1 binding. */
export function d1Runner(db: D1Database): QueryRunner {
  return async <T>(sql: string, params: (string | number)[]) =>
    (
      await db
        .prepare(sql)
        .bind(...params)
        .all<T>()
    ).results;
}
