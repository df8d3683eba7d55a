import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractionToJson } from '../../src/core/export/extractionJson';
import type { Claim, SourceDoc } from '../../src/core/model';
import { buildSource } from '../../src/core/source';

const read = (p: string) => readFileSync(p, 'utf8');
const load = (path: string, sidecarPath?: string): SourceDoc => buildSource({ path, text: read(path), ...(sidecarPath ? { sidecarText: read(sidecarPath), sidecarPath } : {}) });

/** Runs the project's scorer (a copy of shared/eval/score.mjs) on an extraction; returns its JSON report. */
function score(doc: SourceDoc, goldPath: string): { overall: number; [part: string]: unknown } {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-score-'));
  try {
    const pred = join(dir, 'pred.json');
    writeFileSync(pred, JSON.stringify(extractionToJson(doc)));
    const run = spawnSync(process.execPath, ['test/fixtures/score.mjs', goldPath, pred, '--json'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('extraction quality on the seed article', () => {
  const gold = 'test/fixtures/corpus/seed-article.gold.json';

  it('scores at least 0.90 overall without metadata (fixture copy)', () => {
    const report = score(load('test/fixtures/corpus/seed-article.txt'), gold);
    assert.ok(report.overall >= 0.9, `overall ${report.overall}: ${JSON.stringify(report)}`);
  });

  it('scores at least 0.90 overall with the sidecar (sample copy)', () => {
    const report = score(load('sample/sources/seed-article.txt', 'sample/sources/seed-article.claimdesk.yaml'), gold);
    assert.ok(report.overall >= 0.9, `overall ${report.overall}: ${JSON.stringify(report)}`);
  });

  it('is stable: the same ids and spans on every run, spans exact', () => {
    const a = load('test/fixtures/corpus/seed-article.txt');
    const b = load('test/fixtures/corpus/seed-article.txt');
    assert.deepEqual(a.extraction, b.extraction);
    for (const e of a.extraction.entities) {
      assert.match(e.id, /^(person|organization|place):[a-z0-9-]+$/);
      for (const m of e.mentions) assert.equal(a.text.slice(m.span.start, m.span.end), m.text);
    }
    for (const f of a.extraction.figures) {
      assert.equal(a.text.slice(f.span.start, f.span.end), f.text);
      assert.ok(a.extraction.claims.find((c) => c.id === f.claimId)!.figureIds.includes(f.id));
    }
    const trump = a.extraction.entities.find((e) => e.id === 'person:donald-trump')!;
    assert.deepEqual(trump.aliases, ['Donald Trump', 'Trump']);
    assert.ok(trump.descriptions?.includes('The US president'), JSON.stringify(trump.descriptions));
  });
});

describe('extraction quality on the hand-written wire, policy and op-ed articles', () => {
  // Sudan was written by the lead; the others were annotated by hand before the extractor ran on them
  // (coal-subsidies and senate-stopgap scored 0.782 and 0.566 then, after the fixes for the first four;
  // pandemic-oped 0.619 after those for the first six, meta-fine 0.919 after the third round). All were
  // then used to find general rules, so these floors guard against regressions; they do not measure
  // generality (scores when written down: 1.000, 1.000, 0.991, 1.000, 0.978, 0.968, 0.989, 0.974).
  // ev-tariffs.md is the lead's (0.558 unseen); its gold was corrected (EU named as a noun in the heading;
  // "China’s commerce ministry said" speaks for China, as in shoal-wire).
  const articles = ['sudan-crisis', 'shoal-wire', 'brazil-inflation', 'nordic-defence', 'coal-subsidies', 'senate-stopgap', 'pandemic-oped', 'meta-fine', 'ev-tariffs.md'];
  const overall = new Map<string, number>();
  for (const file of articles) {
    const name = file.replace(/\.md$/, '');
    it(`scores at least 0.90 on ${name}`, () => {
      const report = score(load(`test/fixtures/articles/${file.includes('.') ? file : `${file}.txt`}`), `test/fixtures/articles/${name}.gold.json`);
      overall.set(name, report.overall);
      assert.ok(report.overall >= 0.9, `overall ${report.overall}: ${JSON.stringify(report)}`);
    });
  }
  it('averages at least 0.95 across them', () => {
    assert.equal(overall.size, articles.length);
    const mean = [...overall.values()].reduce((a, b) => a + b, 0) / overall.size;
    assert.ok(mean >= 0.95, `mean ${mean}: ${JSON.stringify([...overall])}`);
  });
});

describe('extraction quality on the hand-written blog, central-bank, court, council, feature and analysis articles', () => {
  // Unseen scores: red-sea-blog 0.474, boe-rates 0.832, icc-warrant 0.517, council-budget 0.716 (before this round's
  // fixes); water-feature 0.658 and arctic-analysis 0.504 (written after most of them, held-out checks; the latter's
  // gold then took NATO as canonical name, as the seed gold does). They then served as a dev set, so these floors
  // guard against regressions. What is left is mostly annotation calls the rules cannot see (fact vs assessment for
  // bold lead-ins, unnamed groups' positions, fractions such as "a third", a compound "four-hour", and "the 1990s", which the figures tests hold is no year).
  const articles = ['red-sea-blog.md', 'boe-rates.txt', 'icc-warrant.txt', 'council-budget.txt', 'water-feature.txt', 'arctic-analysis.txt'];
  const overall = new Map<string, number>();
  for (const file of articles) {
    const name = file.replace(/\.\w+$/, '');
    it(`scores at least 0.80 on ${name}`, () => {
      const report = score(load(`test/fixtures/articles/${file}`), `test/fixtures/articles/${name}.gold.json`);
      overall.set(name, report.overall);
      assert.ok(report.overall >= 0.8, `overall ${report.overall}: ${JSON.stringify(report)}`);
    });
  }
  it('averages at least 0.88 across them', () => {
    assert.equal(overall.size, articles.length);
    const mean = [...overall.values()].reduce((a, b) => a + b, 0) / overall.size;
    assert.ok(mean >= 0.9, `mean ${mean}: ${JSON.stringify([...overall])}`);
  });
});

describe('extraction quality on the hand-written Pacific fund and mining royalties articles', () => {
  // Unseen scores: pacific-fund 0.974, mining-royalties 0.968; after this round's fixes (partitive past an owner,
  // "account for" as a statistic) 0.974 and 0.984. Left: a scheduled "will meet" and an unnamed group's position read
  // as assessments, "Pacific" in the headline taken as a place.
  for (const name of ['pacific-fund', 'mining-royalties']) {
    it(`scores at least 0.95 on ${name}`, () => {
      const report = score(load(`test/fixtures/articles/${name}.txt`), `test/fixtures/articles/${name}.gold.json`);
      assert.ok(report.overall >= 0.95, `overall ${report.overall}: ${JSON.stringify(report)}`);
    });
  }
});

describe('extraction on other articles (hand-made expectations)', () => {
  const byText = (doc: SourceDoc, start: string): Claim => {
    const c = doc.extraction.claims.find((x) => x.text.startsWith(start));
    assert.ok(c, `no claim starting ${start}`);
    return c;
  };
  const entity = (doc: SourceDoc, name: string) => doc.extraction.entities.find((e) => e.name === name);
  const figure = (doc: SourceDoc, text: string) => doc.extraction.figures.find((f) => f.text === text);

  describe('a Reuters-style economy report', () => {
    const doc = load('test/fixtures/articles/eurozone-growth.txt');

    it('finds organisations with their short forms, people by surname, and no demonyms', () => {
      assert.deepEqual(entity(doc, 'International Monetary Fund')?.aliases, ['IMF', 'International Monetary Fund', 'Fund']);
      assert.deepEqual(entity(doc, 'Christine Lagarde')?.aliases, ['Christine Lagarde', 'Lagarde']);
      assert.equal(entity(doc, 'Jonas Weber')?.type, 'person');
      assert.equal(entity(doc, 'Capital Economics')?.type, 'organization');
      assert.equal(entity(doc, 'Frankfurt')?.type, 'place');
      for (const demonym of ['German', 'European']) assert.equal(entity(doc, demonym), undefined);
    });

    it('attributes claims: according to, said on Tuesday, quotes across sentences and paragraphs, he', () => {
      assert.deepEqual([byText(doc, 'Economic growth in the euro zone').kind, byText(doc, 'Economic growth in the euro zone').speaker], ['fact', 'International Monetary Fund']);
      assert.ok(!doc.extraction.claims.some((c) => c.text.startsWith('FRANKFURT')), 'the wire dateline is not part of the first claim');
      assert.deepEqual([byText(doc, 'The Fund cut').kind, byText(doc, 'The Fund cut').speaker], ['reported', 'International Monetary Fund']);
      assert.deepEqual([byText(doc, 'European Central Bank President').kind, byText(doc, 'European Central Bank President').speaker], ['quote', 'Christine Lagarde']);
      assert.deepEqual([byText(doc, '"We are not').kind, byText(doc, '"We are not').speaker], ['quote', 'Christine Lagarde']);
      assert.deepEqual([byText(doc, '"But we will').kind, byText(doc, '"But we will').speaker], ['quote', 'Christine Lagarde']);
      assert.equal(byText(doc, 'He said the government').speaker, 'Jonas Weber');
      assert.equal(byText(doc, 'More than 120,000 jobs').speaker, 'VDA');
      assert.equal(byText(doc, 'Exports to China').kind, 'fact');
      assert.equal(byText(doc, 'Policymakers should').kind, 'recommendation');
    });

    it('reads figures with their sources', () => {
      assert.deepEqual([figure(doc, '0.8 per cent')?.value, figure(doc, '0.8 per cent')?.source], [0.8, 'International Monetary Fund']);
      assert.deepEqual([figure(doc, '€3.2 trillion')?.value, figure(doc, '€3.2 trillion')?.unit], [3.2e12, 'EUR']);
      assert.deepEqual([figure(doc, 'about 4.5%')?.qualifier, figure(doc, 'about 4.5%')?.source], ['about', 'Christine Lagarde']);
      assert.equal(figure(doc, '€40bn')?.source, 'Jonas Weber');
      assert.equal(figure(doc, '12%')?.source, null);
    });

    it('keeps the estimative phrase of the main clause', () => {
      assert.equal(byText(doc, 'Lagarde added').confidence, 'would probably');
      assert.equal(byText(doc, 'Analysts at').confidence, 'was far from certain');
      assert.equal(byText(doc, 'Exports to China').confidence, null);
    });
  });

  describe('an op-ed on aid with a byline and a republication notice', () => {
    const doc = load('test/fixtures/articles/sahel-aid.txt');

    it('finds structured names and byline entities', () => {
      assert.equal(entity(doc, 'Economic Community of West African States')?.type, 'organization');
      assert.equal(entity(doc, 'University of Dakar')?.type, 'organization');
      assert.equal(entity(doc, 'UK Foreign Office')?.type, 'organization');
      assert.equal(entity(doc, 'Amina Diallo')?.type, 'person');
      assert.equal(entity(doc, 'The Conversation')?.type, 'organization');
      assert.equal(entity(doc, 'Creative Commons'), undefined);
    });

    it('resolves role and organisation descriptions for attribution', () => {
      assert.equal(byText(doc, 'The prime minister said').speaker, 'Ali Lamine Zeine');
      assert.equal(byText(doc, 'The agency said').speaker, 'World Food Programme');
      assert.deepEqual([byText(doc, 'Donors have pledged').kind, byText(doc, 'Donors have pledged').speaker], ['fact', 'UK Foreign Office']);
      assert.equal(figure(doc, 'three ministers')?.counts, 'ministers');
    });

    it('grades confidence and recommendations', () => {
      assert.equal(byText(doc, 'The Sahel').confidence, 'is almost certain to');
      assert.equal(byText(doc, 'Climate shocks').confidence, 'will probably');
      assert.equal(byText(doc, 'Governments in the region').kind, 'recommendation');
      assert.equal(byText(doc, 'In 2023').kind, 'fact');
    });
  });

  describe('an AP-style politics report with front matter', () => {
    const doc = load('test/fixtures/articles/ai-chips.txt');

    it('handles titles, name particles, organisations with "and" and companies', () => {
      assert.deepEqual(entity(doc, 'Ursula von der Leyen')?.aliases, ['Ursula von der Leyen', 'Von der Leyen']);
      assert.deepEqual(entity(doc, 'Elizabeth Warren')?.aliases, ['Elizabeth Warren', 'Warren']);
      assert.equal(entity(doc, 'Center for Strategic and International Studies')?.type, 'organization');
      assert.equal(entity(doc, 'Nvidia')?.type, 'organization');
      assert.equal(entity(doc, 'Sen'), undefined);
      assert.equal(entity(doc, 'International Studies'), undefined);
    });

    it('attributes through appositions, "according to estimates by" and said-after-quote', () => {
      assert.equal(byText(doc, '"The controls').speaker, 'Elizabeth Warren');
      assert.equal(byText(doc, '"Right now').speaker, 'Elizabeth Warren');
      assert.deepEqual([byText(doc, 'Cotton, 48, said').kind, byText(doc, 'Cotton, 48, said').speaker], ['quote', 'Tom Cotton']);
      assert.equal(byText(doc, 'According to estimates').speaker, 'Center for Strategic and International Studies');
      const range = figure(doc, '10 to 15 percent');
      assert.deepEqual([range?.value, range?.valueMax, range?.source], [10, 15, 'Center for Strategic and International Studies']);
      assert.equal(byText(doc, 'Beijing is very likely').confidence, 'is very likely to');
      assert.equal(byText(doc, 'Congress should').kind, 'recommendation');
    });
  });

  describe('rules on short texts', () => {
    const run = (text: string) => buildSource({ path: 'inline.txt', text });
    const names = (doc: SourceDoc) => doc.extraction.entities.map((e) => `${e.type}:${e.name}=${e.aliases.join('|')}`);

    it('strips titles and possessives, skips demonyms, currency prefixes and modifiers', () => {
      const doc = run('Russian President Vladimir Putin met Mr. Erdogan in Ankara, where Putin’s aides said the US$2 billion deal was signed.\nThe US president was not there, and Turkey’s economy minister praised the Turkish economy.\n');
      const got = names(doc);
      assert.ok(got.includes('person:Vladimir Putin=Vladimir Putin|Putin'), got.join(', '));
      assert.ok(got.includes('person:Erdogan=Erdogan'), got.join(', '));
      assert.ok(got.includes('place:Ankara=Ankara'), got.join(', '));
      assert.ok(got.includes('place:Turkey=Turkey'), got.join(', '));
      for (const no of ['Russian', 'Turkish', 'United States', 'US', 'Mr']) assert.ok(!got.some((g) => g.includes(`:${no}=`)), `${no} in ${got.join(', ')}`);
    });

    it('gives speakers through pronouns, possessive bodies and "according to a … report"', () => {
      const doc = run('Emmanuel Macron spoke in Paris on Monday. He said Europe must rearm.\nFrance’s foreign ministry said talks would resume. According to a Reuters report, 40 diplomats were expelled.\n');
      const [, second, third, fourth] = doc.extraction.claims;
      assert.deepEqual([second.kind, second.speaker], ['reported', 'Emmanuel Macron']);
      assert.equal(third.speaker, 'France');
      assert.deepEqual([fourth.kind, fourth.speaker], ['fact', 'Reuters']);
      assert.equal(doc.extraction.figures[0].source, 'Reuters');
    });

    it('resolves "it" to a body that spoke, "he" to a person, never across to the other', () => {
      const doc = run('The IMF said growth would slow. It added that inflation would ease. He said nothing.\n');
      assert.deepEqual(doc.extraction.claims.map((c) => c.speaker), ['International Monetary Fund', 'International Monetary Fund', 'author']);
    });

    it('tells facts from assessments by tense, statistics, legal status and modals', () => {
      const doc = run('The army withdrew from the city in March. Debt stands at 96 per cent of GDP. Such a strike would be unlawful under international law. Such a strike would weaken the alliance. Europe is under pressure.\n');
      assert.deepEqual(doc.extraction.claims.map((c) => c.kind), ['fact', 'fact', 'fact', 'assessment', 'assessment']);
    });

    it('sees through markdown emphasis and links around names', () => {
      const doc = buildSource({ path: 'inline.md', text: 'According to the [International Energy Agency](https://www.iea.org/reports/2024/gas), storage is 95% full.\n\n*Kadri Simson* said that Europe must buy more.\n' });
      assert.deepEqual(doc.extraction.claims.map((c) => [c.kind, c.speaker]), [['fact', 'International Energy Agency'], ['reported', 'Kadri Simson']]);
      assert.deepEqual(doc.extraction.figures.map((f) => [f.text, f.source]), [['95%', 'International Energy Agency']]);
    });

    it('attributes to names with non-ASCII letters and middle initials', () => {
      const doc = run('Donald J. Trump met Recep Tayyip Erdoğan in Istanbul. Erdoğan told reporters the talks were “constructive and frank”.\n');
      assert.deepEqual(doc.extraction.claims.map((c) => [c.kind, c.speaker]), [['fact', 'author'], ['quote', 'Recep Tayyip Erdoğan']]);
      assert.ok(doc.extraction.entities.some((e) => e.name === 'Donald J. Trump'));
    });

    it('tells places from given names and names places by their head word', () => {
      const got = names(run('Israel Katz said the Gaza Strip would be sealed. Israel and Jordan signed a deal. Fighting continued in Donetsk Oblast.\n'));
      assert.deepEqual(got, ['person:Israel Katz=Israel Katz', 'place:Gaza Strip=Gaza Strip', 'place:Israel=Israel', 'place:Jordan=Jordan', 'place:Donetsk Oblast=Donetsk Oblast']);
    });

    it('reads British single quotation marks as quotes, apostrophes not', () => {
      const doc = run('Boris Johnson said the deal was ‘a triumph for the whole country’ and left.\nThe minister’s ‘special’ status ended.\n');
      assert.deepEqual(doc.extraction.claims.map((c) => [c.kind, c.speaker]), [['quote', 'Boris Johnson'], ['fact', 'author']]);
    });

    it('reports unnamed speakers in the author\'s name', () => {
      const doc = run('Diplomats say talks are unlikely to resume. Aid agencies warned on Monday that Sudan faces famine. Two Western officials, who spoke on condition of anonymity, said the deal was off. Economists polled by the bank expect rates to fall. The navy plans to buy ships, a navy official told reporters. Human rights groups dispute that claim. Officials gathered in the square.\n');
      assert.deepEqual(doc.extraction.claims.map((c) => [c.kind, c.speaker]), [
        ['reported', 'author'], ['reported', 'author'], ['reported', 'author'], ['reported', 'author'], ['reported', 'author'], ['reported', 'author'], ['fact', 'author'],
      ]);
      assert.equal(doc.extraction.claims[0].confidence, 'are unlikely to');
    });

    it('takes a pledge of money as an event, a pledge to act as a position; figures stay unattributed', () => {
      const doc = run('The European Union pledged €900 million at a conference in Paris. Britain has promised £113m in additional aid. Mohamed Hamdan Dagalo, who commands the RSF, pledged to protect civilians.\n');
      assert.deepEqual(doc.extraction.claims.map((c) => [c.kind, c.speaker]), [['fact', 'author'], ['fact', 'author'], ['reported', 'Mohamed Hamdan Dagalo']]);
      assert.deepEqual(doc.extraction.figures.map((f) => f.source), [null, null]);
    });

    it('finds speakers behind titles, appositions and a place that locates them', () => {
      const doc = run('“This was a deliberate act,” said Colonel Xerxes Trinidad, a military spokesman. The army’s leader, General Abdel Fattah al-Burhan, has rejected calls for a ceasefire. The State Department in Washington said it stood with its ally.\n');
      assert.deepEqual(doc.extraction.claims.map((c) => [c.kind, c.speaker]), [['quote', 'Xerxes Trinidad'], ['reported', 'Abdel Fattah al-Burhan'], ['reported', 'State Department']]);
    });

    it('makes "according to X" at the end of a sentence the speaker and the source of its figures', () => {
      const doc = run('The United Nations has appealed for US$4.2 billion, but donors have provided only 16% of that amount, according to the UN Office for the Coordination of Humanitarian Affairs.\n');
      const ocha = 'UN Office for the Coordination of Humanitarian Affairs';
      assert.deepEqual([doc.extraction.claims[0].kind, doc.extraction.claims[0].speaker], ['fact', ocha]);
      assert.deepEqual(doc.extraction.figures.map((f) => f.source), [ocha, ocha]);
    });

    it('names people by "who", bodies by a role "of" them, and keeps structured names whole', () => {
      const got = names(run('“We are watching a catastrophe,” said Catherine Russell, the executive director of Unicef. Mohamed Hamdan Dagalo, who commands the RSF, spoke. Russia’s Northern Fleet sailed past Second Thomas Shoal on Sunday, the Armed Forces of the Philippines said.\n'));
      for (const want of ['person:Catherine Russell=Catherine Russell', 'organization:Unicef=Unicef', 'person:Mohamed Hamdan Dagalo=Mohamed Hamdan Dagalo', 'organization:Northern Fleet=Northern Fleet',
        'place:Second Thomas Shoal=Second Thomas Shoal', 'organization:Armed Forces of the Philippines=Armed Forces of the Philippines']) assert.ok(got.includes(want), `${want} not in ${got.join(', ')}`);
    });

    it('finds the names a byline ending with a period gives', () => {
      const got = names(run('Aid runs short\nDonors have given little to Sudan.\nAmina Hassan is a research fellow at the Rift Valley Institute.\n'));
      assert.ok(got.includes('person:Amina Hassan=Amina Hassan') && got.includes('organization:Rift Valley Institute=Rift Valley Institute'), got.join(', '));
    });

    it('attributes participles after the main clause and characterisations with "called"', () => {
      const doc = run('Sen. Rand Paul, R-Ky., voted against the bill, saying it added $1.2 trillion to the deficit. The Greens, now in opposition, called the plan too timid. The minister called a meeting.\n');
      assert.deepEqual(doc.extraction.claims.map((c) => [c.kind, c.speaker]), [['reported', 'Rand Paul'], ['reported', 'Greens'], ['fact', 'author']]);
      assert.equal(doc.extraction.figures[0].source, 'Rand Paul');
    });

    it('names bodies after what they are, places coordinated with a place, and strips party titles', () => {
      const got = names(run('The package, first reported by the newspaper Handelsblatt, helps workers in Lusatia and the Rhineland. Senate Majority Leader John Thune said it passed.\n'));
      const firms = names(run('Analysts at Bernstein estimate that costs will rise. Meta tied Marketplace to Facebook, hurting rivals such as Leboncoin.\n'));
      for (const want of ['organization:Bernstein=Bernstein', 'organization:Leboncoin=Leboncoin']) assert.ok(firms.includes(want), `${want} not in ${firms.join(', ')}`);
      for (const want of ['organization:Handelsblatt=Handelsblatt', 'place:Lusatia=Lusatia', 'place:Rhineland=Rhineland', 'person:John Thune=John Thune']) assert.ok(got.includes(want), `${want} not in ${got.join(', ')}`);
    });

    it('leaves wire credit lines out of the claims but finds their names', () => {
      const doc = run('Coal aid agreed\nThe coalition agreed on aid for coal regions.\nReporting by Jonas Keller; editing by Sarah White\n');
      assert.deepEqual(doc.extraction.claims.map((c) => c.text), ['The coalition agreed on aid for coal regions.']);
      const got = names(doc);
      assert.ok(got.includes('person:Jonas Keller=Jonas Keller') && got.includes('person:Sarah White=Sarah White'), got.join(', '));
      const ap = run('Shutdown averted\nThe Senate passed the bill.\nAssociated Press writer Mary Clare Jalonick contributed to this report.\n');
      assert.equal(ap.extraction.claims.length, 1);
      assert.ok(names(ap).includes('person:Mary Clare Jalonick=Mary Clare Jalonick'), names(ap).join(', '));
    });

    it('takes what has happened as fact, an anaphoric analysis not', () => {
      const doc = run('The war has destroyed much of Khartoum. Egypt and South Sudan have also taken in large numbers. These vulnerabilities have deepened divisions.\n');
      assert.deepEqual(doc.extraction.claims.map((c) => c.kind), ['fact', 'fact', 'assessment']);
    });

    it('takes no bare modal as confidence, and skips estimative words on a noun', () => {
      const doc = run('Sanctions could bite and may hurt exports. The likely outcome is a stalemate. Talks are unlikely to resume this year. Although a deal is unlikely, Kyiv will almost certainly keep fighting.\n');
      assert.deepEqual(doc.extraction.claims.map((c) => c.confidence), [null, null, 'are unlikely to', 'will almost certainly']);
    });
  });
});
