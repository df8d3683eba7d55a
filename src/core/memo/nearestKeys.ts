// Which known citekey an unknown one most likely meant, for the unknown-key quick fixes.

/** A citekey's parts as Better BibTeX and Claimdesk write them: name, year, the rest ("smith", "2024", "sanctions"). */
function keyParts(key: string): { name: string; year?: string; rest: string } {
  const m = /^(.*?)[-_:]?((?:1[5-9]|20)\d\d)(.*)$/.exec(key.toLowerCase());
  return m && m[1] ? { name: m[1], year: m[2], rest: m[3] } : { name: key.toLowerCase(), rest: '' };
}

/**
 * The keys an unknown key most likely meant, best first: the same name with another year or none
 * (`chiacu2025` → `chiacu`), then the name misspelt by a letter or two with the same or no year,
 * then any key a few edits away.
 */
export function nearestKeys(key: string, candidates: Iterable<string>, max = 3): string[] {
  const lower = key.toLowerCase();
  const own = keyParts(key);
  const limit = Math.max(2, Math.floor(key.length / 3));
  const nameLimit = Math.max(1, Math.floor(own.name.length / 4));
  const ranked: Array<{ key: string; tier: number; d: number }> = [];
  for (const candidate of new Set(candidates)) {
    if (candidate === key) continue;
    const other = keyParts(candidate);
    const sameRest = own.rest === other.rest || (own.rest.length <= 1 && other.rest.length <= 1); // 2025a: a disambiguation letter
    const looseRest = sameRest || !own.rest || !other.rest;
    const sameYearOrNone = !own.year || !other.year || own.year === other.year;
    const yearGap = own.year && other.year ? Math.abs(Number(own.year) - Number(other.year)) : 0;
    const d = editDistance(lower, candidate.toLowerCase(), limit);
    const nameD = editDistance(own.name, other.name, nameLimit);
    if (own.name === other.name && sameRest) ranked.push({ key: candidate, tier: 0, d: yearGap });
    else if (d <= 2) ranked.push({ key: candidate, tier: 1, d });
    else if (own.name !== other.name && nameD <= nameLimit && sameYearOrNone && looseRest) ranked.push({ key: candidate, tier: 1, d: nameD });
    else if (own.name === other.name && looseRest) ranked.push({ key: candidate, tier: 2, d: yearGap });
    else if (d <= limit) ranked.push({ key: candidate, tier: 3, d });
  }
  return ranked
    .sort((a, b) => a.tier - b.tier || a.d - b.d || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, max)
    .map((c) => c.key);
}

/** Levenshtein distance, giving up (returning limit + 1) once it exceeds limit. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}
