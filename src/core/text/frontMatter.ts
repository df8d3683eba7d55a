/** The YAML front matter block of a markdown source, if any. */
export interface FrontMatter {
  /** YAML text between the fences. */
  yaml: string;
  /** Offset of the YAML text in the source (for problem spans). */
  yamlStart: number;
  /** Offset where the body starts, after the closing fence and its line break. */
  bodyStart: number;
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

// Front matter is usually a list of `key: value` lines. Those are read directly: the YAML parser costs
// more than all the rest of reading a short source. Anything else (numbers, booleans, escapes, lists,
// comments, nesting, duplicate keys) is declined and left to the YAML parser, so the result is always
// what YAML gives.
const SIMPLE_LINE = /^([A-Za-z][A-Za-z0-9_-]*): +(.*?) *$/;
// A plain scalar that YAML reads as this very string: a letter first, no indicator or control characters.
const PLAIN = /^[A-Za-z][^\x00-\x1f\x7f-\x9f:#"[\]{},&*!|>%@`\\\u2028\u2029\ufeff]*$/;
// A double-quoted scalar without escapes.
const QUOTED = /^"([^"\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]*)"$/;
// A date, which YAML 1.2's core schema keeps as a string.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const KEYWORD = /^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL)$/;

/** The front matter's data when it is only `key: string` lines (as YAML would read them), else undefined. */
export function parseSimpleFrontMatter(yaml: string): Record<string, string> | undefined {
  const data: Record<string, string> = {};
  let any = false;
  for (const raw of yaml.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '') continue;
    const m = SIMPLE_LINE.exec(line);
    if (!m || KEYWORD.test(m[1]) || Object.prototype.hasOwnProperty.call(data, m[1])) return undefined;
    const value = m[2];
    const quoted = QUOTED.exec(value);
    if (quoted) data[m[1]] = quoted[1];
    else if ((PLAIN.test(value) && !KEYWORD.test(value)) || ISO_DATE.test(value)) data[m[1]] = value;
    else return undefined;
    any = true;
  }
  return any ? data : undefined;
}

/** Finds front matter fenced by `---` at the very start of the text. */
export function splitFrontMatter(text: string): FrontMatter | undefined {
  const open = OPEN.exec(text);
  if (!open) return undefined;
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) return undefined;
  const yamlStart = open[0].length;
  return {
    yaml: rest.slice(0, close.index),
    yamlStart,
    bodyStart: yamlStart + close.index + close[0].length,
  };
}
