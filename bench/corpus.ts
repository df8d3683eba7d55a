// Deterministic benchmark corpus: N sources derived from the bundled articles, each with its own
// names, numbers and bibliographic data (so no cache, memo or lookup table can serve one source's
// results for another), plus memos citing them. Same seed, same corpus, byte for byte.
import type { SourceDoc } from '../src/core/model';

/** A seeded PRNG (mulberry32): fast, and identical on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'ro', 'vin', 'sel', 'mar', 'do', 'len', 'tu', 'bri', 'os', 'an', 'el', 've', 'gor', 'ya', 'shi', 'ne', 'pa', 'li', 'zan', 'ur', 'mo', 'dra', 'kes', 'fi', 'ta', 'bel', 'nor'];
// Capitalised words that are not names: mapping them would make dates and headings nonsense.
const NOT_NAMES = new Set(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'The', 'This', 'That', 'These', 'Those', 'It', 'Its', 'In', 'On', 'At', 'But', 'And', 'For', 'If', 'As', 'A', 'An', 'I', 'We', 'He', 'She', 'They', 'Such', 'Whether', 'While']);

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function generatedName(random: () => number, syllables = 2 + Math.floor(random() * 2)): string {
  let s = '';
  for (let i = 0; i < syllables; i++) s += pick(random, SYLLABLES);
  return capitalise(s);
}

/** Words used as names in a text: capitalised words that occur at least once mid-sentence. */
export function namesIn(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/(?<=[\p{Ll}\p{N},;:’'] )\p{Lu}\p{Ll}{2,}/gu)) if (!NOT_NAMES.has(m[0])) names.add(m[0]);
  return [...names].sort();
}

/** Rewrites an article with fresh names (consistently within it) and fresh numbers of the same shape. */
export function vary(text: string, random: () => number): string {
  const mapping = new Map<string, string>();
  for (const name of namesIn(text)) mapping.set(name, generatedName(random, Math.max(2, Math.min(4, Math.round(name.length / 3)))));
  const renamed = text.replace(/\p{Lu}\p{Ll}{2,}/gu, (w) => mapping.get(w) ?? w);
  return renamed.replace(/\d+/g, (digits) => {
    if (digits.length === 4 && /^(19|20)/.test(digits)) return String(1990 + Math.floor(random() * 40));
    let out = digits.length > 1 || digits !== '0' ? String(1 + Math.floor(random() * 9)) : '0';
    for (let i = 1; i < digits.length; i++) out += String(Math.floor(random() * 10));
    return out;
  });
}

export interface CorpusFile {
  /** Path relative to the workspace root, with forward slashes. */
  path: string;
  text: string;
}

export interface CorpusOptions {
  /** Number of sources. */
  n: number;
  seed?: number;
  /** The bundled articles the sources are derived from (plain text). */
  articles: string[];
}

/**
 * N sources under sources/topic-XX/: even ones markdown with front matter, odd ones plain text with
 * a sidecar. Family names come from a pool of about N/4, so citekeys collide as in real libraries
 * and the index's disambiguation is exercised.
 */
export function generateSources(options: CorpusOptions): CorpusFile[] {
  const random = rng(options.seed ?? 20251125);
  const families = Array.from({ length: Math.max(8, Math.ceil(options.n / 4)) }, () => generatedName(random));
  const files: CorpusFile[] = [];
  for (let i = 0; i < options.n; i++) {
    const article = options.articles[i % options.articles.length];
    const body = vary(article, random);
    const author = `${generatedName(random)} ${pick(random, families)}`;
    const year = 2015 + Math.floor(random() * 12);
    const issued = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const firstLine = body.split('\n').find((l) => l.trim().length > 40) ?? body;
    const title = firstLine.split(/\s+/).slice(0, 9).join(' ').replace(/[“”"\\]/g, '');
    const publisher = `The ${generatedName(random)} Review`;
    const dir = `sources/topic-${String(i % 10).padStart(2, '0')}`;
    const name = `src-${String(i).padStart(5, '0')}`;
    const meta = `title: "${title}"\nauthor: ${author}\npublisher: ${publisher}\nissued: ${issued}\n`;
    // Markdown paragraphs are separated by blank lines (the articles have one paragraph a line).
    if (i % 2 === 0) files.push({ path: `${dir}/${name}.md`, text: `---\n${meta}---\n\n${body.replace(/\n+/g, '\n\n')}` });
    else {
      files.push({ path: `${dir}/${name}.txt`, text: body });
      files.push({ path: `${dir}/${name}.claimdesk.yaml`, text: `# Generated for the benchmark.\n${meta}type: article-magazine\n` });
    }
  }
  return files;
}

/**
 * A memo citing indexed sources: each paragraph restates a sentence of a random body paragraph
 * (figures included) and cites it as `[@key, para. N]`; about one citation in ten is wrong (unknown
 * key, missing paragraph or a changed figure), so the checks have problems to find.
 */
export function generateMemo(docs: readonly SourceDoc[], seed: number, paragraphs = 40): string {
  const random = rng(seed);
  const out = [`---\ntitle: "Benchmark memo ${seed}"\nauthor: Policy Analysis Unit\ndate: 2026-01-15\n---\n`, `# Benchmark memo ${seed}\n`, '## Assessment\n'];
  for (let p = 0; p < paragraphs; p++) {
    const parts: string[] = [];
    for (let s = 0; s < 2; s++) {
      const doc = pick(random, docs);
      const body = doc.sentences.filter((x) => x.paragraph > 0);
      if (!body.length) continue;
      const withFigure = body.filter((x) => /\d/.test(x.text));
      const sentence = withFigure.length && random() < 0.7 ? pick(random, withFigure) : pick(random, body);
      let text = sentence.text.replace(/[“”"]/g, '');
      let key = doc.citekey;
      let para = sentence.paragraph;
      const fault = random();
      if (fault < 0.03) key = key + 'zz';
      else if (fault < 0.06) para = para + 500;
      else if (fault < 0.1) text = text.replace(/\d+/, (d) => String(Number(d) + 1));
      const hedge = pick(random, ['', 'It is likely that ', 'We assess that ', 'Reporting indicates that ', 'Analysts judge with moderate confidence that ']);
      // Pandoc style: the citation inside the sentence, before its final punctuation.
      const stem = text.replace(/[.!?…]+\s*$/, '');
      parts.push(`${hedge}${hedge ? stem.charAt(0).toLowerCase() + stem.slice(1) : stem} [@${key}, para. ${para}].`);
    }
    out.push(parts.join(' ') + '\n');
    if (p % 10 === 9) out.push(`## Section ${Math.floor(p / 10) + 2}\n`);
  }
  return out.join('\n');
}

/** The real articles the CLI is timed on: the published-article fixtures and the bundled articles. */
export function realArticlePaths(readdir: (dir: string) => string[], root = 'test/fixtures'): string[] {
  const paths: string[] = [];
  for (const batch of readdir(`${root}/real`).filter((d) => d.startsWith('batch-')).sort()) {
    for (const f of readdir(`${root}/real/${batch}`).sort()) if (f.endsWith('.txt')) paths.push(`${root}/real/${batch}/${f}`);
  }
  for (const f of readdir(`${root}/articles`).sort()) if (f.endsWith('.txt')) paths.push(`${root}/articles/${f}`);
  return paths;
}

/** The same article with fresh numbers of the same shape (years stay plausible), names untouched. */
export function varyNumbers(text: string, random: () => number): string {
  return text.replace(/\d+/g, (digits) => {
    if (digits.length === 4 && /^(19|20)/.test(digits)) return String(1990 + Math.floor(random() * 40));
    let out = digits.length > 1 || digits !== '0' ? String(1 + Math.floor(random() * 9)) : '0';
    for (let i = 1; i < digits.length; i++) out += String(Math.floor(random() * 10));
    return out;
  });
}
