import type { Paragraph } from '../model';

/**
 * The structure stage: what each block of a source is (title, byline, date line, subheading,
 * notice, caption or body), decided by an ordered table of rules. The first rule that holds wins;
 * a block no rule claims is body text. Each rule names why it exists and shows a line it takes,
 * so a trace can say which rule set a block's role and a test can check each rule on its example.
 */

export type BlockRole = Paragraph['role'];

/** One block as the rules see it. */
export interface BlockView {
  /** The block's text, trimmed. */
  text: string;
  /** 0-based position among the source's blocks. */
  position: number;
  count: number;
  /** A markdown `#` heading line. */
  markdownHeading: boolean;
  /** Whether any earlier block was body text. */
  afterBody: boolean;
  /** The whole block was in markdown emphasis (its text is given without it). */
  emphasized?: boolean;
}

export interface StructureRule {
  id: string;
  role: BlockRole;
  reason: string;
  /** A block this rule takes, at the position given (0 when absent), in a source of several blocks. */
  example: string;
  examplePosition?: number;
  holds(block: BlockView): boolean;
}

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const MONTH_NUMBER: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const WEEKDAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?,?\\s+';
const TIME = '(?:\\s*(?:[,|•·-]|at)?\\s*\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s*\\(?[A-Z]{2,4}\\)?)?)?';
const DATE_MDY = `${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`;
const DATE_DMY = `(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+(\\d{4})`;
const DATE_ISO = '(\\d{4})-(\\d{2})-(\\d{2})';
const ANY_DATE = new RegExp(`\\b(?:${DATE_MDY}|${DATE_DMY}|${DATE_ISO})`, 'i');
// A line that is only a date, with an optional "Published"/"Updated" label, weekday and time.
const DATE_LINE = new RegExp(
  `^(?:(?:first\\s+)?(?:published|updated|posted|last\\s+updated|last\\s+modified|date|issued|released)(?:\\s+on)?\\s*:?\\s*)?(?:${WEEKDAY})?(?:${DATE_MDY}|${DATE_DMY}|${DATE_ISO})${TIME}(?:\\s*[|•·;,]\\s*(?:updated|last updated)\\s*:?.{0,60})?\\.?$`,
  'i',
);

/**
 * The first date with a year in a line ("November 19, 2019", "19 Nov 2019", "2019-11-19"), as
 * YYYY-MM-DD; undefined when there is none.
 */
export function findDate(line: string): string | undefined {
  const m = ANY_DATE.exec(line);
  if (!m) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (m[5]) return `${m[5]}-${m[6]}-${m[7]}`;
  const monthWord = /[A-Za-z]+/.exec(m[0].replace(/^\d+(?:st|nd|rd|th)?\s+/, ''))?.[0] ?? '';
  const month = MONTH_NUMBER[monthWord.slice(0, 3).toLowerCase()];
  const day = Number(m[1] ?? m[3]);
  const year = m[2] ?? m[4];
  if (!month || !year || day < 1 || day > 31) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const NAME_WORD = "\\p{Lu}[\\p{L}'’.-]+";
const NAME = `${NAME_WORD}(?:\\s+(?:${NAME_WORD}|de|van|von|al|bin|da|del|la|le|\\p{Lu}\\.))*`;
/** Ends with what ends a sentence or clause (a line without it may be a heading or run on). */
export const TERMINAL_END = /[.!?…:;"”’')\]]\s*$/;
const ENDS_SENTENCE = /[.!?]["”’]?\s*$/;
const NOTICE = /\b(contributed (?:to )?this report|contributed reporting|republished from|read the original article|creative commons|all rights reserved|copyright\s+(?:©|\(c\)|\d{4})|this (?:article|story|piece) (?:was|is) (?:originally )?(?:published|republished)|licensed under|trust principles|sign up for (?:our|the)\b.{0,40}newsletter)\b/i;
// Wire credit lines: "Reporting by Jonas Keller; editing by Sarah White", also in brackets.
const CREDIT = /^\(?(?:[Aa]dditional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ee]dited|[Ww]ritten|[Rr]eported|[Gg]raphics?)\s+by\s+\p{Lu}[^.!?]{0,200}\)?\.?$/u;
const CAPTION = /^\(?(?:photo|photograph|image|header image|featured image|top image|main image|picture|credit|caption|file photo|illustration|video|watch|listen|graphic|chart|map|table|figure)s?\s*[:|(]/i;
// "… at University College last year. Photograph: Guy Smallman/Getty Images": a caption ends with its credit.
const CAPTION_CREDIT_END = /\b(?:Photograph|Photo|Picture|Image|Illustration)\s*:\s*[^.:]{2,80}$/;
// "[1] Ruskin KJ. Alarm fatigue …": a numbered reference in a list of sources.
const REFERENCE = /^\[\d{1,3}\]\s*\S/;
// "For more information …, please visit …", "This article has been adapted from its original source.": about the page.
const PAGE_NOTICE = /^(?:for (?:more|further) information\b.{0,200}(?:visit|contact|see|go to|call|email)\b|this (?:article|story|post|report|piece) (?:has been|was) (?:adapted|updated|corrected|amended|edited)\b|this (?:article|story|post|piece) (?:originally )?(?:appeared|ran)\b|(?:editor['’]s note|correction|clarification|update|disclaimer)\s*:|the views (?:and opinions )?expressed\b|follow\b.{0,60}\bon\s+(?:facebook|twitter|instagram|github|linkedin|youtube|threads|bluesky|mastodon|x)\b)/i;
// Links to other pages: "Related: …", "Read more: …", "READ MORE …", "See also …".
const LINK_LINE = /^(?:related(?:\s+(?:coverage|stories|articles|content|reading))?|read\s+more|read\s+about|more\s+(?:on|from)\s+[^:]{1,40}|also\s+read|see\s+also|recommended(?:\s+reading)?|further\s+reading|click\s+here|advertisement|story\s+continues(?:\s+below)?|follow\s+(?:us|him|her|them)\s+on|subscribe\s+to)\b\s*[:|-]?/i;
const BYLINE_BY = new RegExp(`^(?:By|BY|by)\\s+${NAME}(?:\\s*(?:,|and|&)\\s*${NAME})*\\s*(?:[,|•·–—-].*)?$`, 'u');
// "David Lawder, Reuters", "Jane Doe | Associated Press": a name, then the publisher.
const BYLINE_NAME_PUBLISHER = new RegExp(`^(?:By\\s+)?(${NAME}(?:\\s+(?:and|&)\\s+${NAME})?)\\s*(?:,|\\||•|·|–|—)\\s*((?:The\\s+)?\\p{Lu}[\\p{L}&.'’-]*(?:\\s+\\p{Lu}[\\p{L}&.'’-]*){0,3})$`, 'u');

/** "David Lawder, Reuters", "Jane Doe | Associated Press": the author(s) and the publisher of a byline, or undefined. */
export function nameAndPublisher(line: string): { authors: string[]; publisher: string } | undefined {
  const m = BYLINE_NAME_PUBLISHER.exec(line);
  if (!m || /^\d/.test(m[2])) return undefined;
  return { authors: m[1].split(/\s+(?:and|&)\s+/), publisher: m[2] };
}
// "Anna Menin", "Mary Clare Jalonick", "Ursula von der Leyen": two to four words of a personal name.
const BARE_NAME = /^(?!By\s)\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s+(?:\p{Lu}\.|\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?|de|van|von|der|al|bin|da|del|la|le)){1,3}$/u;
// "Olena Borodyna is senior geopolitical risks advisor, ODI Global": a name, "is", a role.
const BYLINE_ROLE = /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}\s+(?:is|was|are)\s+(?:an?\s+|the\s+)?[\p{Ll}\p{Lu}].{0,160}$/u;
// "Amina Hassan is a research fellow at the Rift Valley Institute.": the same with a final period.
const BIO_SENTENCE = /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}\s+(?:is|was)\s+(?:an?\s+|the\s+)?(?:[\p{L}-]+\s+){0,5}?[\p{L}-]+(?:\s+(?:at|of|with|for|in)|,)\s+(?:the\s+)?\p{Lu}[^.!?;]*\.$/u;
const ROLE_WORDS = /\b(professor|lecturer|fellow|researcher|director|advis[oe]r|analyst|editor|correspondent|reporter|journalist|columnist|author|scientist|economist|chair|head|dean|candidate|associate|scholar|officer|president|founder|partner|consultant|expert|minister|ambassador|student|senior|principal|writer|contributor)\b/i;

const words = (t: string) => t.split(/\s+/).length;
const nearTop = (b: BlockView) => b.position < 4 && !b.afterBody;
const nearEdge = (b: BlockView) => b.position < 3 || b.position >= b.count - 3;
const atEdge = (b: BlockView) => b.position === 0 || b.position >= b.count - 2;
const withoutFinalAbbreviation = (t: string) => t.replace(/\b(?:Jr|Sr|Dr|Inc|Ltd)\.$/, '');

export const STRUCTURE_RULES: readonly StructureRule[] = [
  {
    id: 'structure.markdown-title',
    role: 'title',
    reason: 'A markdown heading that opens the source is its title.',
    example: 'Sanctions on Russian oil, one year on',
    holds: (b) => b.markdownHeading && b.position === 0 && b.count > 1,
  },
  {
    id: 'structure.markdown-heading',
    role: 'heading',
    reason: 'Any other markdown heading is a subheading.',
    example: 'What happens next',
    examplePosition: 3,
    holds: (b) => b.markdownHeading,
  },
  {
    id: 'structure.notice',
    role: 'notice',
    reason: 'Republication, licence and copyright notices are about the page, not the story.',
    example: 'This article is republished from The Conversation under a Creative Commons license.',
    examplePosition: 9,
    holds: (b) => b.text.length < 400 && NOTICE.test(b.text),
  },
  {
    id: 'structure.link-line',
    role: 'notice',
    reason: '"Related:", "Read more:" and similar lines point to other pages.',
    example: 'Read more: Why the Red Sea matters to global shipping',
    examplePosition: 5,
    holds: (b) => b.text.length < 300 && LINK_LINE.test(b.text),
  },
  {
    id: 'structure.reference',
    role: 'notice',
    reason: 'A numbered reference ("[1] Author, Title, Journal") lists a source, it states nothing.',
    example: '[1] Alarm fatigue: impacts on patient safety, Ruskin KJ, Curr Opin Anaesthesiol. 2015; 28: 685-690.',
    examplePosition: 9,
    holds: (b) => REFERENCE.test(b.text),
  },
  {
    id: 'structure.page-notice',
    role: 'notice',
    reason: 'Contact lines, editor’s notes and update notices speak about the page, not the story.',
    example: 'This article has been adapted from its original source.',
    examplePosition: 9,
    holds: (b) => b.text.length < 400 && PAGE_NOTICE.test(b.text),
  },
  {
    id: 'structure.caption',
    role: 'caption',
    reason: 'Photo and video captions and credits label media.',
    example: '(Graphic: Global currencies vs. dollar - here)',
    examplePosition: 4,
    holds: (b) => CAPTION.test(b.text) || (b.text.length < 300 && CAPTION_CREDIT_END.test(b.text)),
  },
  {
    id: 'structure.credit',
    role: 'byline',
    reason: 'Wire credits ("Reporting by …; Editing by …") name the journalists, not a claim.',
    example: '(Reporting by David Lawder; Editing by Chizu Nomiyama)',
    examplePosition: 9,
    holds: (b) => (atEdge(b) || b.position >= b.count - 4) && CREDIT.test(b.text),
  },
  {
    id: 'structure.byline-by',
    role: 'byline',
    reason: 'A "By X" line near the top or the end names the author.',
    example: 'By Jane Doe and Omar Haddad, Reuters',
    examplePosition: 1,
    holds: (b) => nearEdge(b) && b.text.length < 250 && BYLINE_BY.test(b.text) && !ENDS_SENTENCE.test(withoutFinalAbbreviation(b.text)),
  },
  {
    id: 'structure.byline-name-publisher',
    role: 'byline',
    reason: 'A short "Name, Publisher" line before the body names the author and the publisher.',
    example: 'David Lawder, Reuters',
    examplePosition: 1,
    holds: (b) => nearTop(b) && b.position > 0 && words(b.text) <= 10 && nameAndPublisher(b.text) !== undefined,
  },
  {
    id: 'structure.byline-name',
    role: 'byline',
    reason: 'A line that is only a person’s name, between the headline and the body, is the byline.',
    example: 'Anna Menin',
    examplePosition: 1,
    holds: (b) => nearTop(b) && b.position > 0 && b.position < 3 && isBareName(b.text),
  },
  {
    id: 'structure.date-line',
    role: 'byline',
    reason: 'A line that is only a date ("Published November 19, 2019 10:32 AM ET") dates the source.',
    example: 'Updated: November 19, 2019 10:32 AM ET',
    examplePosition: 2,
    holds: (b) => b.text.length < 120 && DATE_LINE.test(b.text),
  },
  {
    id: 'structure.byline-role',
    role: 'byline',
    reason: 'An unpunctuated "X is <role>, <Org>" line near the top or end is an author line.',
    example: 'Olena Borodyna is senior geopolitical risks advisor, ODI Global',
    examplePosition: 1,
    holds: (b) => nearEdge(b) && b.text.length < 250 && BYLINE_ROLE.test(b.text) && ROLE_WORDS.test(b.text) && !ENDS_SENTENCE.test(b.text),
  },
  {
    id: 'structure.author-bio',
    role: 'byline',
    reason: 'A one-sentence author biography at the start or end ("X is a fellow at Y.") is not a claim.',
    example: 'Amina Hassan is a research fellow at the Rift Valley Institute.',
    examplePosition: 9,
    holds: (b) => atEdge(b) && b.text.length < 200 && BIO_SENTENCE.test(b.text) && ROLE_WORDS.test(b.text.slice(0, b.text.search(/\s(?:at|of|with|for|in)\s|,/))),
  },
  {
    id: 'structure.agency-credit',
    role: 'byline',
    reason: 'An agency’s initials alone at the end ("PTI", "AFP") credit the story.',
    example: 'PTI',
    examplePosition: 9,
    holds: (b) => b.afterBody && b.position >= b.count - 4 && /^\p{Lu}{2,5}$/u.test(b.text),
  },
  {
    id: 'structure.standfirst',
    role: 'heading',
    reason: 'An emphasised paragraph between the headline and the body is the standfirst, a summary, not a claim.',
    example: 'More diverse speakers at WordCamps means a more diverse community contributing to WordPress.',
    examplePosition: 1,
    holds: (b) => !!b.emphasized && !b.afterBody && b.position > 0 && b.position < 4,
  },
  {
    id: 'structure.headline',
    role: 'title',
    reason: 'The first line of a pasted article, short and not ending a sentence with a period, is its headline.',
    example: 'Trump says China trade deal is close as tariffs loom',
    holds: (b) => b.position === 0 && b.count > 2 && b.text.length <= 250 && !b.text.includes('\n') && !/[.:;]["”’)]?$/.test(b.text),
  },
  {
    id: 'structure.subheading',
    role: 'heading',
    reason: 'A short line without final punctuation is a subheading.',
    example: 'A fragile truce',
    examplePosition: 4,
    holds: (b) => !TERMINAL_END.test(b.text) && b.text.length < 120 && words(b.text) <= 14,
  },
  {
    id: 'structure.question-heading',
    role: 'heading',
    reason: 'In explainers a short question standing alone between paragraphs heads a section.',
    example: 'What is a tariff?',
    examplePosition: 4,
    holds: (b) => b.afterBody && b.position < b.count - 1 && /\?$/.test(b.text) && words(b.text) <= 16 && !/[.!?]\s/.test(b.text) && !/^["“‘']/.test(b.text),
  },
  {
    id: 'structure.pull-quote-heading',
    role: 'heading',
    reason: 'A short line that is only a quotation, without final punctuation, heads a section or pulls a quote out.',
    example: '“My fears have been realized”',
    examplePosition: 4,
    holds: (b) => /^(?:\d{1,2}\.\s+)?["“‘][^"“”.!?]{2,100}["”’]$/.test(b.text) && words(b.text) <= 12,
  },
  {
    id: 'structure.list-number',
    role: 'heading',
    reason: 'A number standing alone ("3.") numbers a list item; it says nothing.',
    example: '3.',
    examplePosition: 4,
    holds: (b) => /^\(?\d{1,3}[.)]?$/.test(b.text),
  },
];

/** A line that is only a personal name ("Anna Menin"): a byline without "By". */
export function isBareName(line: string): boolean {
  return BARE_NAME.test(line);
}

/** The role of one block and the rule that decided it ('structure.body' when none held). */
export function classifyBlock(block: BlockView): { role: BlockRole; rule: string } {
  // Markdown emphasis around a whole block ("*By Andrea Middleton*") is how it looks, not what it is.
  const bare = /^([*_]{1,2})(?=\S)([^*_][\s\S]*?)(?<=\S)\1$/.exec(block.text);
  const view = bare ? { ...block, text: bare[2], emphasized: true } : block;
  for (const rule of STRUCTURE_RULES) if (rule.holds(view)) return { role: rule.role, rule: rule.id };
  return { role: 'body', rule: 'structure.body' };
}

// "WASHINGTON (Reuters) -", "BEIJING, Nov 19 (Reuters) —", "KABUL, Afghanistan (AP) —", "LONDON —",
// "(Reuters) -": a wire dateline that opens the first body paragraph.
const DATELINE = new RegExp(
  `^(?:\\p{Lu}[\\p{Lu}.'’-]+(?:\\s+\\p{Lu}[\\p{Lu}.'’-]+)*(?:,\\s+\\p{Lu}[\\p{L}.'’-]+(?:\\s+\\p{Lu}[\\p{L}.'’-]+)*)?(?:,?\\s+${MONTH}\\.?\\s+\\d{1,2}(?:,\\s+\\d{4})?)?\\s*(?:\\([\\p{L} .&-]{2,40}\\))?|\\([\\p{L} .&-]{2,40}\\))\\s*[-–—]+\\s*`,
  'u',
);

/** Length of a wire dateline at the start of a paragraph ("WASHINGTON (Reuters) - "), or 0. */
export function datelineLength(paragraph: string): number {
  const m = DATELINE.exec(paragraph);
  if (!m) return 0;
  // A dateline's place is in capitals ("WASHINGTON") or the agency in brackets names it.
  const head = m[0];
  if (!/\(/.test(head) && !/^\p{Lu}{2,}/u.test(head)) return 0;
  return head.length;
}
