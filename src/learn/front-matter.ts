/** The `---` block at the top of a Learn article: simple `key: value` lines, nothing nested. */
export interface FrontMatter {
  fields: Record<string, string>;
  body: string;
}

const BLOCK = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

export function parseFrontMatter(source: string): FrontMatter {
  const match = BLOCK.exec(source);
  if (!match) return { fields: {}, body: source };
  const fields: Record<string, string> = {};
  for (const line of match[1]!.split(/\r?\n/)) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    const colon = line.indexOf(":");
    if (colon <= 0) throw new Error(`front matter line without "key: value": ${line}`);
    const key = line.slice(0, colon).trim();
    fields[key] = unquote(line.slice(colon + 1).trim());
  }
  return { fields, body: source.slice(match[0].length) };
}

function unquote(value: string): string {
  const quoted = /^"(.*)"$/.exec(value) ?? /^'(.*)'$/.exec(value);
  return quoted ? quoted[1]! : value;
}
