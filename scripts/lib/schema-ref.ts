// Puts "$schema" first in a content file's JSON text, keeping the rest of the text as the editor
// wrote it.

/**
 * The text with `"$schema": ref` as its first key: unchanged when it is already so, replaced when
 * it names another.
 */
export function withSchemaRef(text: string, ref: string): string {
  const line = `"$schema": ${JSON.stringify(ref)}`;
  const existing = /^\{\s*"\$schema"\s*:\s*"(?:[^"\\]|\\.)*"/.exec(text);
  if (existing) return text.replace(existing[0], `{\n  ${line}`);
  const open = /^\s*\{\s*/.exec(text);
  if (!open) return text;
  // An empty object gets no trailing comma.
  const rest = text.slice(open[0].length);
  return `{\n  ${line}${rest.startsWith("}") ? "\n" : ",\n  "}${rest}`;
}
