// CSL-JSON for every source, so `pandoc --citeproc` can format a memo's `[@key, para. N]` citations.
// Only what the metadata says goes in: nothing is invented for a field the source does not give.
import type { Problem, SourceDoc, SourceMeta } from '../model';

export type CslName = { family: string; given?: string; 'non-dropping-particle'?: string } | { literal: string };
export type CslDate = { 'date-parts': number[][] } | { literal: string };

/** One CSL-JSON item (the subset Claimdesk fills). */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: CslName[];
  'container-title'?: string;
  publisher?: string;
  issued?: CslDate;
  accessed?: CslDate;
  URL?: string;
  license?: string;
}

const CSL_TYPES = new Set([
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'report', 'webpage', 'post', 'post-weblog', 'book', 'chapter',
  'paper-conference', 'speech', 'interview', 'broadcast', 'document', 'legislation', 'legal_case', 'pamphlet', 'personal_communication', 'thesis', 'dataset',
]);

// Cues for the kind of publication when the metadata names none. Order matters: a report
// published by an institute is a report even when a newspaper later covers it.
const REPORT_CUE = /\b(?:report|working paper|policy brief|briefing|white paper|discussion paper|occasional paper|research paper)\b/i;
const PUBLISHER_OF_REPORTS = /\b(?:institute|institution|council|centre|center|foundation|commission|ministry|department|agency|office|bank|fund|programme|program|organi[sz]ation|think[- ]?tank|RAND|Brookings|Chatham House|ODI|IISS|CSIS|SIPRI|OECD|IMF|UN|NATO|World Bank|university)\b/i;
const MAGAZINE = /\b(?:magazine|the conversation|foreign affairs|foreign policy|the economist|the atlantic|new yorker|review|monthly|weekly|quarterly|spectator|new statesman|politico magazine|time|newsweek|the nation)\b/i;
const NEWSPAPER = /\b(?:times|post|guardian|journal|news|herald|tribune|gazette|telegraph|daily|independent|observer|chronicle|reuters|associated press|AP|AFP|bbc|cnn|al jazeera|kyiv independent|le monde|der spiegel|financial times|wire)\b/i;

/** The CSL type of a source: its metadata's, else inferred from title, container and publisher. */
export function cslType(meta: SourceMeta): string {
  if (meta.type && CSL_TYPES.has(meta.type)) return meta.type;
  const venue = [meta.containerTitle, meta.publisher].filter(Boolean).join(' ');
  if (REPORT_CUE.test(meta.title ?? '') || (!meta.containerTitle && meta.publisher && PUBLISHER_OF_REPORTS.test(meta.publisher) && !NEWSPAPER.test(meta.publisher))) return 'report';
  if (MAGAZINE.test(venue)) return 'article-magazine';
  return 'article-newspaper';
}

const ORGANIZATION_NAME = /\b(?:unit|office|staff|team|desk|board|bank|institute|council|ministry|department|agency|commission|committee|group|news|press|reuters|editorial|editors|correspondents?|foundation|university|organi[sz]ation|service)\b/i;
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'ter', 'ten', 'dos', 'das']);

/** "Given Family" (or "Family, Given") as a CSL name; bodies and single names stay literal. */
export function cslName(name: string): CslName {
  const n = name.replace(/\s+/g, ' ').trim();
  if (ORGANIZATION_NAME.test(n)) return { literal: n };
  const comma = /^([^,]+),\s*([^,]+)$/.exec(n);
  if (comma) return { family: comma[1], given: comma[2] };
  const words = n.split(' ');
  if (words.length < 2) return { literal: n };
  // The family name starts at its particle, if any ("Ursula von der Leyen").
  let familyStart = words.length - 1;
  while (familyStart > 1 && PARTICLES.has(words[familyStart - 1])) familyStart--;
  const particle = words.slice(familyStart, words.length - 1).join(' ');
  return {
    family: words[words.length - 1],
    given: words.slice(0, familyStart).join(' '),
    ...(particle ? { 'non-dropping-particle': particle } : {}),
  };
}

/** An ISO date (YYYY, YYYY-MM, YYYY-MM-DD) as CSL date-parts; anything else as a literal. */
export function cslDate(value: string): CslDate {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:T.*)?$/.exec(value.trim());
  if (!m) return { literal: value };
  return { 'date-parts': [[m[1], m[2], m[3]].filter((x): x is string => x !== undefined).map(Number)] };
}

/** The CSL-JSON item of one source. */
export function sourceToCsl(doc: SourceDoc): CslItem {
  const meta = doc.meta;
  const type = cslType(meta);
  const item: CslItem = { id: doc.citekey, type };
  if (meta.title) item.title = meta.title;
  if (meta.authors?.length) item.author = meta.authors.map(cslName);
  const article = type.startsWith('article') || type === 'webpage' || type.startsWith('post');
  const container = meta.containerTitle ?? (article ? meta.publisher : undefined);
  if (container) item['container-title'] = container;
  const publisher = meta.publisher ?? (type === 'report' ? meta.affiliation : undefined);
  if (publisher) item.publisher = publisher;
  if (meta.issued) item.issued = cslDate(meta.issued);
  if (meta.accessed) item.accessed = cslDate(meta.accessed);
  if (meta.url) item.URL = meta.url;
  if (meta.license) item.license = meta.license;
  return item;
}

/** CSL-JSON text (an array sorted by citekey) for a set of sources. */
export function sourcesToCslJson(docs: Iterable<SourceDoc>): string {
  const items = [...docs].map(sourceToCsl).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return JSON.stringify(items, null, 2) + '\n';
}

/**
 * What a source's CSL item lacks for a usable reference: citeproc prints a key or "n.d." where the
 * title or date should be. One warning per source, naming the sidecar fields that fill them.
 */
export function cslWarnings(docs: Iterable<SourceDoc>): Array<Problem & { citekey: string; missing: Array<'title' | 'issued'> }> {
  const out: Array<Problem & { citekey: string; missing: Array<'title' | 'issued'> }> = [];
  for (const doc of docs) {
    const missing: Array<'title' | 'issued'> = [];
    if (!doc.meta.title) missing.push('title');
    if (!doc.meta.issued) missing.push('issued');
    if (!missing.length) continue;
    const words = missing.map((m) => (m === 'title' ? 'no title' : 'no date'));
    out.push({
      citekey: doc.citekey,
      missing,
      severity: 'warning',
      code: 'csl-incomplete',
      message: `${doc.citekey} has ${words.join(' and ')} in the CSL-JSON: set ${missing.map((m) => `${m}:`).join(' and ')} in its sidecar.`,
    });
  }
  return out;
}
