// The Claimdesk model: what a source is, and what is extracted from it. Plain data only, so it
// crosses worker boundaries, serialises to JSON/YAML and is cached by content.

/** A half-open range [start, end) of UTF-16 offsets into the source text, with 0-based line/character of both ends. */
export interface Span {
  start: number;
  end: number;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

export type EntityType = 'person' | 'organization' | 'place';
export type ClaimKind = 'quote' | 'reported' | 'fact' | 'assessment' | 'recommendation';
export const CLAIM_KINDS: readonly ClaimKind[] = ['quote', 'reported', 'fact', 'assessment', 'recommendation'];
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place'];

/** Units of a figure: an ISO 4217 currency code, or one of the non-money units. */
export type FigureUnit = string; // 'USD' | 'EUR' | … | 'percent' | 'count' | 'year'

/** Bibliographic data of a source, as front matter, sidecar or inference gives it. */
export interface SourceMeta {
  title?: string;
  /** Authors in display order, "Given Family". */
  authors?: string[];
  affiliation?: string;
  publisher?: string;
  /** Container (newspaper, magazine, site) when it differs from the publisher. */
  containerTitle?: string;
  /** ISO date, YYYY or YYYY-MM or YYYY-MM-DD. */
  issued?: string;
  accessed?: string;
  url?: string;
  license?: string;
  /** CSL type: article-newspaper, article-magazine, report, webpage… */
  type?: string;
  /** Where each field came from, for the tree's tooltip and for honest exports (`page`: a web page's own metadata). */
  origin?: Partial<Record<Exclude<keyof SourceMeta, 'origin'>, 'front-matter' | 'sidecar' | 'inferred' | 'page'>>;
}

export interface Paragraph {
  /** 1-based number over body paragraphs (what `para. N` in a citation names). */
  index: number;
  span: Span;
  /** Title, heading, byline, notice lines are not body paragraphs and carry index 0. */
  role: 'body' | 'title' | 'heading' | 'byline' | 'notice' | 'caption';
  /** The structure rule that decided the role (see core/text/structure.ts). */
  rule?: string;
}

export interface Sentence {
  text: string;
  span: Span;
  /** Body paragraph number, 1-based. */
  paragraph: number;
}

export interface Mention {
  text: string;
  span: Span;
}

export interface Entity {
  /** Stable id: type plus a slug of the canonical name, e.g. `person:donald-trump`. */
  id: string;
  name: string;
  type: EntityType;
  /** Distinct surface forms that name it in the text (what the gold calls mentions). */
  aliases: string[];
  /** Every occurrence, in text order. */
  mentions: Mention[];
  /** Role descriptions resolved to this entity ("the US president"); used for attribution, not names. */
  descriptions?: string[];
  note?: string;
  /** Fields the analyst corrected in the sidecar (name, type, aliases, note), so views can mark them. */
  curated?: string[];
  /** Names the analyst renamed or merged away, so sidecar corrections still find the entity. */
  formerNames?: string[];
}

export interface Figure {
  /** Stable id: `fig-<paragraph>-<ordinal in paragraph>`. */
  id: string;
  /** Exact substring of the source, qualifier included ("more than 300 drones"). */
  text: string;
  value: number;
  unit: FigureUnit;
  /** For counts: what is counted, one or two words. */
  counts: string | null;
  /** "more than", "about", "up to"… kept verbatim, or null. */
  qualifier: string | null;
  /** For ranges ("60–100%"): the upper bound; value holds the lower. */
  valueMax?: number;
  /** Canonical name of the entity the figure is attributed to, or null when the text names none. */
  source: string | null;
  span: Span;
  paragraph: number;
  claimId: string;
}

export interface Claim {
  /** Stable id: `c<paragraph>.<sentence in paragraph>`, e.g. `c14.1`. */
  id: string;
  text: string;
  kind: ClaimKind;
  /** Canonical entity name of who makes the claim, or "author". */
  speaker: string;
  /** The estimative phrase as it appears, or null. */
  confidence: string | null;
  /** Rule ids that decided kind, speaker and confidence (core/extract/rules.ts), for "why" lines. */
  why?: string[];
  span: Span;
  paragraph: number;
  entityIds: string[];
  figureIds: string[];
  /** Set by curation. */
  hidden?: boolean;
  note?: string;
  /** Fields the analyst corrected in the sidecar, so views can mark them. */
  curated?: string[];
}

/** What extraction produces for one source (the scorer's shape, plus ids and spans). */
export interface Extraction {
  entities: Entity[];
  figures: Figure[];
  claims: Claim[];
  /** Entities a sidecar hid: left out of every view, kept so that curation applied again sees them. */
  hiddenEntities?: Entity[];
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A problem found in a source, sidecar or memo; editor and CLI both render these. */
export interface Problem {
  severity: Severity;
  message: string;
  /** Stable machine code, e.g. `unknown-citekey`, `sidecar-yaml`, `binary-source`. */
  code: string;
  span?: Span;
  /** Which file it is in when not the one being processed (a sidecar's problem reported for its source). */
  file?: string;
}

/** A source after reading, metadata resolution, extraction and curation. */
export interface SourceDoc {
  /** Workspace-relative or absolute path/URI string as the host gives it. */
  path: string;
  citekey: string;
  /** The citekey before workspace disambiguation (set by the index). */
  citekeyBase?: string;
  meta: SourceMeta;
  /** Full decoded text (BOM stripped, line endings preserved). */
  text: string;
  /** Offset where the body starts (after front matter). */
  bodyStart: number;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  extraction: Extraction;
  problems: Problem[];
  /** Content hash of text + sidecar, the cache key ('' when built without one: the CLI's extract). */
  hash: string;
}
