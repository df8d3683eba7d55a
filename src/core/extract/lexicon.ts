// Field-made lexicons for news and policy writing: countries (with demonyms), capitals and major
// cities, regions and seas, international organisations and news media, titles, attribution verbs.
// General world knowledge only; nothing here is taken from any one article.

import type { EntityType } from '../model';
// The word lists themselves are data (checked for duplicates by the unit tests): rows of
// "Name,Variant|adjective|people" for countries and "Name|Alias,Alias" for organisations.
import LEXICON from './data/lexicon.json';

/** A whole-word pattern for a list of words: "^(?:Bank|Fund|…)$". */
function wordPattern(words: readonly string[]): RegExp {
  return new RegExp(`^(?:${words.join('|')})$`);
}

/** Regions named with the article: "the West", "the Gulf". The article belongs to the mention. */
export const ARTICLE_REGIONS = new Set(['West', 'East', 'North', 'South']);

// Words that end an organisation's name ("Fox News", "World Bank", "Ministry of Defence").
export const ORG_HEADS = wordPattern(LEXICON.organizationHeads);
export const ORG_FIRST = wordPattern(LEXICON.organizationFirstWords);
// Words that make a capitalised phrase a place ("Gulf of Finland", "Baltic Sea", "Lake Chad").
export const PLACE_HEADS = wordPattern(LEXICON.placeHeads);
export const PLACE_FIRST = wordPattern(LEXICON.placeFirstWords);

/** Titles and roles before a name, stripped from it ("President", "Prime Minister", "Dr"). */
export const TITLE_WORDS: ReadonlySet<string> = new Set(LEXICON.titleWords);

/** Verbs that attribute speech or a stated position to their subject. */
export const SPEECH_VERBS: readonly string[] = LEXICON.speechVerbs;

export interface LexiconEntry {
  name: string;
  type: EntityType;
}

/** Surface form → canonical entry, for every lexicon name and variant. */
export const KNOWN = new Map<string, LexiconEntry>();
/** Demonyms and people nouns (not entities), mapped to their country. */
export const DEMONYMS = new Map<string, string>();

for (const row of LEXICON.countries) {
  const [names, adjectives = '', peoples = ''] = row.trim().split('|');
  const all = names.split(',').map((s) => s.trim());
  for (const n of all) KNOWN.set(n, { name: all[0], type: 'place' });
  for (const d of [...adjectives.split(','), ...peoples.split(',')]) if (d.trim()) DEMONYMS.set(d.trim(), all[0]);
}
for (const row of LEXICON.moreDemonyms) {
  const [country, demonyms] = row.trim().split('|');
  for (const d of demonyms.split(',')) if (d.trim() && !DEMONYMS.has(d.trim())) DEMONYMS.set(d.trim(), country);
}
for (const p of LEXICON.places) {
  const n = p.trim();
  if (n && !KNOWN.has(n)) KNOWN.set(n, { name: n, type: 'place' });
}
for (const row of LEXICON.organizations) {
  const [name, others = ''] = row.trim().split('|');
  const canonical = name.trim();
  KNOWN.set(canonical, { name: canonical, type: 'organization' });
  for (const o of others.split(',')) if (o.trim()) KNOWN.set(o.trim(), { name: canonical, type: 'organization' });
}
// Peoples and communities are not entities either (the schema names places and bodies, not groups).
for (const group of LEXICON.peoples) {
  DEMONYMS.set(group, '');
}
for (const [d, country] of [['European', 'Europe'], ['Western', 'the West'], ['Asian', 'Asia'], ['African', 'Africa'], ['Arab', 'Arab world'], ['Baltic', 'Baltics'], ['Nordic', 'Nordics'], ['Soviet', 'Soviet Union'], ['Crimean', 'Crimea'], ['Kurdish', 'Kurdistan'], ['Eastern', 'East'], ['Latin American', 'Latin America'], ['Middle Eastern', 'Middle East'], ['Muscovite', 'Moscow'], ['Transatlantic', 'Atlantic'], ['Catalan', 'Catalonia'], ['Chechen', 'Chechnya']] as const) {
  DEMONYMS.set(d, country);
}

/** Capitalised words that are never names on their own (weekdays, months, sentence openers…). */
export const NOT_NAMES: ReadonlySet<string> = new Set(LEXICON.notNames);
