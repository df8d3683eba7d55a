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
