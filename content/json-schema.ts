// JSON Schemas of the content files, generated from the zod schemas, so an editor's program checks
// a file while it is typed. Rules a JSON Schema can state carry the validator's own message (VS
// Code shows `patternErrorMessage`); the rules across files stay with `npm run content:validate`.
import { z } from "zod";
import { AdminStringsFile, ConsentConfig, Plan, Project, Strings } from "./schema.ts";

/** Each schema file under content/schema/, and the content files that name it in `$schema`. */
export const JSON_SCHEMAS = [
  { file: "plan.schema.json", schema: Plan, title: "plan.json", matches: ["plan.json"] },
  {
    file: "strings.schema.json",
    schema: Strings,
    title: "strings.json",
    matches: ["strings.json"],
  },
  {
    file: "consent.schema.json",
    schema: ConsentConfig,
    title: "consent.json",
    matches: ["consent.json"],
  },
  {
    file: "admin.schema.json",
    schema: AdminStringsFile,
    title: "admin.json",
    matches: ["admin.json"],
  },
  {
    file: "project.schema.json",
    schema: Project,
    title: "projects/NN-id.json",
    matches: ["projects/*.json"],
  },
] as const;

export const SCHEMA_DIR = "schema/";

/**
 * What a content file at `path` (relative to content/) writes in `$schema`, or undefined for a file
 * with none.
 */
export function schemaRefFor(path: string): string | undefined {
  const entry = JSON_SCHEMAS.find(({ matches }) => matches.some((m) => globMatches(m, path)));
  if (!entry) return undefined;
  const depth = path.split("/").length - 1;
  return `${depth === 0 ? "./" : "../".repeat(depth)}${SCHEMA_DIR}${entry.file}`;
}

/** Every schema file's text, keyed by file name: the bytes `npm run content:schema` writes. */
export function generateJsonSchemas(): Map<string, string> {
  return new Map(
    JSON_SCHEMAS.map(({ file, schema, title }) => [
      file,
      `${JSON.stringify(toEditorSchema(schema, title), null, 2)}\n`,
    ]),
  );
}

type JsonObject = Record<string, unknown>;
type Rule = { pattern: string; message: string };

function toEditorSchema(schema: z.ZodType, title: string): JsonObject {
  // "input": fields with a default (related, media) may be left out, as the validator allows.
  const json = z.toJSONSchema(schema, {
    target: "draft-7",
    io: "input",
    unrepresentable: "any",
    override: addMessages,
  }) as JsonObject;
  const properties = json.properties as JsonObject;
  return {
    $schema: json.$schema,
    title: `Far volare Milano: ${title}`,
    description:
      "Generated from content/schema.ts by npm run content:schema. Do not edit: change the zod schema.",
    ...json,
    // The file names its schema; the validator ignores this one key.
    properties: {
      $schema: { type: "string", description: "This file's JSON Schema, for the editor." },
      ...properties,
    },
  };
}

/** Moves a string's zod rules into patterns with the validator's messages. */
function addMessages({
  zodSchema,
  jsonSchema,
}: {
  zodSchema: z.core.$ZodType;
  jsonSchema: JsonObject;
}): void {
  const def = zodSchema._zod.def as {
    type: string;
    format?: string;
    checks?: z.core.$ZodCheck[];
    error?: unknown;
  };
  if (def.type !== "string") return;
  const rules: Rule[] = [];
  const ownMessage = messageOf(def.error);
  if (def.format === "date" && ownMessage && typeof jsonSchema.pattern === "string") {
    rules.push({ pattern: jsonSchema.pattern, message: ownMessage });
  }
  if (def.format === "url" && ownMessage) {
    const { protocol, hostname } = def as { protocol?: RegExp; hostname?: RegExp };
    rules.push({ pattern: urlPattern(protocol, hostname), message: ownMessage });
  }
  const trimmed = (def.checks ?? []).some((c) => c._zod.def.check === "overwrite");
  for (const check of def.checks ?? []) {
    const checkDef = check._zod.def as {
      check: string;
      format?: string;
      pattern?: RegExp;
      minimum?: number;
      maximum?: number;
      error?: unknown;
    };
    const message = messageOf(checkDef.error);
    if (!message) continue;
    if (checkDef.check === "min_length" && checkDef.minimum !== undefined) {
      // The validator trims first: "must not be empty" means at least one character that is not
      // a space.
      rules.push({
        pattern: trimmed && checkDef.minimum === 1 ? "\\S" : `^[\\s\\S]{${checkDef.minimum},}$`,
        message,
      });
      delete jsonSchema.minLength;
    } else if (checkDef.check === "max_length" && checkDef.maximum !== undefined) {
      rules.push({ pattern: `^[\\s\\S]{0,${checkDef.maximum}}$`, message });
      delete jsonSchema.maxLength;
    } else if (
      checkDef.check === "string_format" &&
      checkDef.format === "regex" &&
      checkDef.pattern
    ) {
      rules.push({ pattern: checkDef.pattern.source, message });
    }
  }
  // Patterns given with .meta() (placeholders a label must contain) already carry their message.
  if (
    typeof jsonSchema.patternErrorMessage === "string" &&
    typeof jsonSchema.pattern === "string"
  ) {
    rules.push({ pattern: jsonSchema.pattern, message: jsonSchema.patternErrorMessage });
  }
  const unique = rules.filter(
    (rule, i) => rules.findIndex((r) => r.pattern === rule.pattern) === i,
  );
  const [first, ...rest] = unique;
  if (!first) return;
  jsonSchema.pattern = first.pattern;
  jsonSchema.patternErrorMessage = first.message;
  if (rest.length > 0)
    jsonSchema.allOf = rest.map(({ pattern, message }) => ({
      pattern,
      patternErrorMessage: message,
    }));
}

/** zod keeps a custom message as a function of the issue; ours ignore the issue. */
function messageOf(error: unknown): string | undefined {
  if (typeof error !== "function") return undefined;
  const message: unknown = error({});
  return typeof message === "string" ? message : undefined;
}

function urlPattern(protocol: RegExp | undefined, hostname: RegExp | undefined): string {
  const scheme = protocol ? protocol.source.replace(/^\^|\$$/g, "") : "[a-z][a-z0-9+.-]*";
  // The host pattern's leading look-ahead bounds the whole string, which a URL's path would break.
  const host = hostname ? hostname.source.replace(/^\^(\(\?=[^)]*\))?|\$$/g, "") : "[^/?#\\s]+";
  return `^${scheme}://${host}(?::[0-9]{1,5})?(?:[/?#]\\S*)?$`;
}

function globMatches(glob: string, path: string): boolean {
  const [dir, name] = glob.includes("/") ? glob.split("/") : ["", glob];
  const [pathDir, pathName] = path.includes("/")
    ? [path.slice(0, path.lastIndexOf("/")), path.slice(path.lastIndexOf("/") + 1)]
    : ["", path];
  if (dir !== pathDir) return false;
  return name === "*.json" ? pathName.endsWith(".json") : name === pathName;
}
