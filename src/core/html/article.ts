// Saved web pages as sources: the article's text and its bibliographic data. The page is parsed with
// linkedom (a DOM without a browser, so it runs in Node and in a web worker) and its main content is
// found by @mozilla/readability (Firefox's Reader View). The result is plain text in the shape of a
// pasted article: the page's metadata as front matter, the headline, a byline, then one paragraph per
// line with blank lines between, so the ordinary source reader numbers paragraphs as a reader counts them.
//
// This module is heavy (a DOM and Readability): the extension loads it as a separate chunk, only
// when a workspace has HTML sources. Nothing else in core imports it.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** The text a page reads as, with front matter, and what was learned about it. */
export interface HtmlArticle {
  /** Front matter (the page's metadata) then the article as plain text paragraphs. */
  text: string;
  meta: PageMeta;
  /** Why the reading is doubtful (no article found, so the whole page's text was used), when it is. */
  warning?: string;
}

/** Bibliographic data read from a page's `<meta>` tags, Open Graph and JSON-LD. */
export interface PageMeta {
  title?: string;
  authors?: string[];
  publisher?: string;
  /** YYYY-MM-DD (or YYYY) when the page gives a publication date. */
  issued?: string;
  url?: string;
  /** CSL type: article-newspaper for a NewsArticle, webpage otherwise. */
  type?: string;
  /** The page's summary (`og:description`): a standfirst equal to it is no body paragraph. */
  description?: string;
}

/** The few DOM members used here (core is type-checked without the DOM library). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}
interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}
interface DomDocument {
  documentElement: DomElement;
  body: DomElement | null;
  title: string;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const ELEMENT = 1;
const TEXT = 3;

/** Reads a saved web page: its article text (navigation, captions, share widgets, related links and comments left out) and metadata. */
export function readHtmlArticle(html: string): HtmlArticle {
  const { document } = parseHTML(html) as unknown as { document: DomDocument };
  const meta = pageMeta(document);
  dropNonArticle(document);
  let blocks: Block[] = [];
  let warning: string | undefined;
  try {
    const parsed = new Readability(document as never, { charThreshold: 200, keepClasses: false }).parse();
    if (parsed?.content) {
      const { document: article } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`) as unknown as { document: DomDocument };
      if (article.body) blocks = blocksOf(article.body);
    }
    if (!meta.title && parsed?.title) meta.title = clean(parsed.title);
    if (!meta.authors && parsed?.byline) {
      const authors = authorNames(parsed.byline);
      if (authors.length) meta.authors = authors;
    }
    if (!meta.publisher && parsed?.siteName) meta.publisher = clean(parsed.siteName);
  } catch {
    blocks = [];
  }
  if (blocks.length === 0) {
    const { document: again } = parseHTML(html) as unknown as { document: DomDocument };
    dropNonArticle(again);
    blocks = again.body ? blocksOf(again.body) : [];
    warning = 'No article was found in this page; Claimdesk read all of its text.';
  }
  // The headline is printed once, from the metadata: drop the article's own copy of it.
  if (meta.title && blocks.length && sameText(blocks[0].text, meta.title)) blocks.shift();
  // A standfirst (the page's own summary under the headline, set apart from the body) is no body
  // paragraph; a lead paragraph that pages also use as their summary stays.
  if (meta.description && blocks.length > 1 && sameText(blocks[0].text, meta.description) && blocks[0].parent !== blocks[1].parent) blocks.shift();
  delete meta.description;
  const paragraphs = blocks.map((b) => b.text);
  return { text: articleText(meta, paragraphs), meta, warning };
}

/** The page as a pasted article: front matter, headline, byline, then the paragraphs. */
function articleText(meta: PageMeta, paragraphs: string[]): string {
  const front: string[] = ['---'];
  if (meta.title) front.push(`title: ${JSON.stringify(meta.title)}`);
  if (meta.authors?.length) front.push(`author: ${JSON.stringify(meta.authors.join(' and '))}`);
  if (meta.publisher) front.push(`publisher: ${JSON.stringify(meta.publisher)}`);
  if (meta.issued) front.push(`issued: ${meta.issued}`);
  if (meta.url) front.push(`url: ${JSON.stringify(meta.url)}`);
  if (meta.type) front.push(`type: ${meta.type}`);
  front.push('---', '');
  const head: string[] = [];
  if (meta.title) head.push(meta.title, '');
  if (meta.authors?.length) head.push(`By ${meta.authors.join(' and ')}`, '');
  return (front.length > 3 ? front.join('\n') + '\n' : '') + head.join('\n') + (head.length ? '\n' : '') + paragraphs.join('\n\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Metadata

const ARTICLE_TYPES = /^(?:NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|Article|BlogPosting|Report|ScholarlyArticle|TechArticle|LiveBlogPosting|WebPage)$/;

/** Title, authors, publisher, date and URL: JSON-LD first, then Open Graph and other `<meta>` conventions. */
function pageMeta(document: DomDocument): PageMeta {
  const metas = new Map<string, string>();
  for (const m of Array.from(document.querySelectorAll('meta'))) {
    const content = m.getAttribute('content')?.trim();
    if (!content) continue;
    const keys = [m.getAttribute('property'), m.getAttribute('name'), ...(m.getAttribute('itemprop') ?? '').split(/\s+/)];
    for (const key of keys.map((k) => k?.trim().toLowerCase())) if (key && !metas.has(key)) metas.set(key, content);
  }
  const first = (...keys: string[]) => keys.map((k) => metas.get(k)).find((v) => v !== undefined && v !== '');
  const ld = jsonLdArticle(document);
  const meta: PageMeta = {};

  const publisher = personNames(ld?.publisher)[0] ?? first('og:site_name', 'application-name', 'dc.publisher', 'publisher');
  if (publisher && clean(publisher)) meta.publisher = clean(publisher);

  const title = str(ld?.headline) ?? first('og:title', 'twitter:title', 'dc.title', 'sailthru.title', 'parsely-title', 'title') ?? document.title;
  if (title && clean(title)) meta.title = bareTitle(clean(title), meta.publisher);

  // Authors are people: the publisher, an agency or "Editorial" named as author is no author.
  const isPerson = (name: string) => !sameText(name, meta.publisher ?? '') && !(meta.publisher && sameText(name.replace(/\s+(?:News|Weekly|Staff)$/i, ''), meta.publisher.replace(/\s+(?:News|Weekly)$/i, ''))) && /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|al|bin|da|del|la|le))+$/u.test(name);
  const candidates: string[][] = [
    personNames(ld?.author),
    authorNames(first('author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'byl', 'byline', 'cxenseparse:author') ?? ''),
    bylineLinks(document),
  ];
  const authors = candidates.map((list) => list.filter(isPerson)).find((list) => list.length);
  if (authors) meta.authors = authors;

  const dates = [str(ld?.datePublished), first('article:published_time', 'article:published', 'datepublished', 'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dc.date', 'date', 'pubdate', 'pdate', 'publishdate', 'publish-date', 'article.published', 'og:published_time', 'dcterms.created', 'datecreated'), timeElement(document), str(ld?.dateCreated), first('article:modified_time', 'og:updated_time', 'datemodified'), str(ld?.dateModified)];
  const issued = dates.map((d) => d && isoDate(d)).find((d) => d !== undefined);
  if (issued) meta.issued = issued;
  const description = first('og:description', 'description', 'twitter:description');
  if (description) meta.description = clean(description);

  const canonical = Array.from(document.querySelectorAll('link[rel="canonical"]'))[0]?.getAttribute('href');
  const url = first('og:url') ?? canonical ?? str(ld?.url);
  if (url && /^https?:\/\//i.test(url)) meta.url = url.trim();

  const ldType = ld && [ld['@type']].flat().find((t) => typeof t === 'string');
  meta.type = typeof ldType === 'string' && /NewsArticle|ReportageNewsArticle/.test(ldType) ? 'article-newspaper' : metas.get('og:type') === 'article' && ld ? 'article-newspaper' : 'webpage';
  return meta;
}

type LdObject = Record<string, unknown>;

/** The page's JSON-LD article object (a NewsArticle, or any Article kind), looking inside `@graph` and arrays. */
function jsonLdArticle(document: DomDocument): LdObject | undefined {
  const found: LdObject[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 4 || !value || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    const obj = value as LdObject;
    const types = [obj['@type']].flat().filter((t): t is string => typeof t === 'string');
    if (types.some((t) => ARTICLE_TYPES.test(t))) found.push(obj);
    if (obj['@graph']) visit(obj['@graph'], depth + 1);
    if (obj.mainEntity) visit(obj.mainEntity, depth + 1);
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')), 0);
    } catch {
      // A page's broken JSON-LD costs its metadata, never the source.
    }
  }
  // A news article over a generic WebPage, one with a headline over one without.
  const rank = (o: LdObject) => ([o['@type']].flat().some((t) => typeof t === 'string' && /NewsArticle/.test(t)) ? 2 : [o['@type']].flat().includes('WebPage') ? 0 : 1) + (o.headline ? 0.5 : 0);
  return found.sort((a, b) => rank(b) - rank(a))[0];
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (Array.isArray(value)) return str(value[0]);
  return undefined;
}

/** Names of JSON-LD persons or organisations: a string, `{ name }`, or a list of either. */
function personNames(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const names: string[] = [];
  for (const v of list) {
    const name = typeof v === 'string' ? v : v && typeof v === 'object' ? str((v as LdObject).name) : undefined;
    if (name && !/^https?:/i.test(name)) names.push(...authorNames(name));
  }
  return [...new Set(names)];
}

/** "By Jane Doe and John Roe, Reuters" → ["Jane Doe", "John Roe"]. */
function authorNames(byline: string): string[] {
  const text = clean(byline)
    .replace(/^by\s+/i, '')
    // "ERIC TUCKERAssociated Press": an agency glued to the last name.
    .replace(/(\p{Lu}{2,})(\p{Lu}\p{Ll})/gu, '$1, $2')
    .replace(/\.\s+.*$/, '');
  return text
    .split(/\s*(?:;|,|\band\b|&|\|)\s*/)
    .map((s) => (s === s.toUpperCase() ? s.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase()) : s).trim())
    .filter((s) => /^\p{Lu}/u.test(s) && s.split(/\s+/).length <= 5 && !/\b(?:Reuters|Associated Press|AP|AFP|Staff|Writer|Correspondent|Editor|Reporter)\b/.test(s));
}

/** "Opinion | Headline", "Headline | Editorial", "Headline - The Site": the headline alone. */
function bareTitle(title: string, publisher: string | undefined): string {
  let t = title.replace(/^(?:Opinion|Analysis|Editorial|Commentary|Comment|Review|Explainer|Live|Fact check)\s*[|:–—-]\s+/i, '');
  const parts = t.split(/\s+[|–—-]\s+/);
  if (parts.length > 1) {
    const last = parts[parts.length - 1];
    if ((publisher && (sameText(last, publisher) || sameText(last.replace(/^the\s+/i, ''), publisher.replace(/^the\s+/i, '')))) || /^(?:Editorial|Opinion|News|Home)$/i.test(last) || last.split(/\s+/).length <= 3 && /\.(?:com|org|net|info)$/i.test(last)) {
      t = parts.slice(0, -1).join(' | ');
    }
  }
  return t;
}

/** Names in the page's byline: `rel="author"` and `itemprop="author"` links, or links to author pages. */
function bylineLinks(document: DomDocument): string[] {
  for (const selector of ['[itemprop="author"] [itemprop="name"]', 'a[rel="author"]', '[itemprop="author"]', '[class*="byline"] a', '[class*="author"] a[href*="/author"]', 'a[href*="/author/"]', 'a[href*="/authors/"]', 'a[href*="/profile/"]', 'a[href*="/personnel/"]']) {
    const names = [...new Set(Array.from(document.querySelectorAll(selector)).flatMap((el) => authorNames(el.textContent ?? '')))];
    if (names.length) return names.slice(0, 6);
  }
  return [];
}

function timeElement(document: DomDocument): string | undefined {
  for (const t of Array.from(document.querySelectorAll('time[datetime]'))) {
    const d = t.getAttribute('datetime');
    if (d && isoDate(d)) return d;
    const text = t.textContent ?? '';
    if (isoDate(text)) return text;
  }
  return undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** An ISO date (YYYY-MM-DD) from the date formats pages use; undefined when none is recognised. */
export function isoDate(value: string): string | undefined {
  const v = value.trim();
  const iso = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]|$)/.exec(v);
  if (iso) return Number(iso[1]) >= 1900 ? `${iso[1]}-${iso[2]}-${iso[3]}` : undefined;
  const ymd = /^(\d{4})\/(\d{1,2})\/(\d{1,2})/.exec(v);
  if (ymd) return `${ymd[1]}-${ymd[2].padStart(2, '0')}-${ymd[3].padStart(2, '0')}`;
  const words = /\b(\d{1,2})?\s*([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})?,?\s*(\d{4})\b/.exec(v);
  if (words) {
    const month = MONTHS.indexOf(words[2].toLowerCase()) + 1;
    const day = words[1] ?? words[3];
    if (month && day) return `${words[4]}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
  }
  if (/^\d{4}$/.test(v)) return v;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Article text

// Parts of a page that are never article text, whatever Readability makes of them.
const NEVER_ARTICLE = 'script, style, noscript, template, svg, nav, footer, aside, button, figure, figcaption, picture, video, audio, iframe, [role="navigation"], [role="complementary"], [hidden], [aria-hidden="true"]';
// Widgets named by their class or id: share bars, related links, newsletters, comments, captions, ads.
const WIDGET = /(?:^|[\s_-])(?:share|sharing|social|related|recommended|newsletter|subscribe|comments?|disqus|promo|advert|advertisement|ad-container|outbrain|taboola|tags|breadcrumbs?|most-popular|trending|read-more|author-bio|paywall)(?:$|[\s_-])|caption|credit/i;

function dropNonArticle(document: DomDocument): void {
  for (const el of Array.from(document.querySelectorAll(NEVER_ARTICLE))) el.remove();
  for (const el of Array.from(document.querySelectorAll('[class], [id]'))) {
    if (!el.parentNode) continue;
    const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!WIDGET.test(name) && el.tagName.toUpperCase() !== 'FORM') continue;
    // A wrapper that holds the article itself is kept; only small widgets go.
    if (clean(el.textContent ?? '').length > 600 && el.querySelectorAll('p').length > 2) continue;
    el.remove();
  }
}

const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'DL', 'DT', 'DD', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TD', 'TH', 'HR', 'ADDRESS', 'CENTER', 'BODY']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'FIGURE', 'FIGCAPTION', 'IMG', 'PICTURE', 'SVG', 'VIDEO', 'AUDIO', 'IFRAME', 'BUTTON', 'NAV', 'ASIDE', 'FOOTER', 'TABLE', 'SELECT', 'INPUT', 'TEXTAREA']);

const LINK_HEADING = /^(?:more|more on this|source|sources|related|related stories|read more|see also|also read|recommended|advertisement)\s*:?$/i;

interface Block {
  text: string;
  /** The element holding the block: a standfirst sits apart from the paragraphs that follow it. */
  parent: DomNode | null;
}

/** The paragraphs of an article's content: each block element's inline text, split at line breaks. */
function blocksOf(root: DomElement): Block[] {
  const out: Block[] = [];
  let run = '';
  let linked = '';
  let parent: DomNode | null = null;
  const flush = () => {
    // A block that is all link (a list of related stories, "More:" above it) is navigation.
    const allLink = clean(linked).length >= clean(run).length * 0.9;
    for (const line of run.split('\n')) {
      const t = clean(line);
      if (t && !allLink && !LINK_HEADING.test(t)) out.push({ text: t, parent });
    }
    run = '';
    linked = '';
  };
  let inLink = 0;
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT) {
      run += node.textContent ?? '';
      if (inLink) linked += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (name === 'BR') {
      run += '\n';
      return;
    }
    const block = BLOCK.has(name);
    if (block) {
      flush();
      parent = node.parentNode;
    }
    if (name === 'A') inLink++;
    for (const child of Array.from(node.childNodes)) walk(child);
    if (name === 'A') inLink--;
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}

/** White space collapsed (no-break spaces and zero-width characters included), trimmed. */
function clean(text: string): string {
  return text.replace(/[\u200b-\u200d\ufeff]/g, '').replace(/[\s\u00a0]+/g, ' ').trim();
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return norm(a) === norm(b);
}
