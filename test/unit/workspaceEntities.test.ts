import * as assert from 'node:assert/strict';
import { nameKey } from '../../src/core/text/keys';
import { buildWorkspaceEntities } from '../../src/core/workspaceEntities';
import { makeDoc } from './servicesFixture';

describe('workspace entities', () => {
  const a = makeDoc('file:///ws/sources/a.txt', 'Volodymyr Zelensky said Kyiv would not cede land. The World Bank agreed.\n', {
    citekey: 'a2025',
    claims: { 'cede land': { kind: 'reported', speaker: 'Volodymyr Zelensky' } },
    entities: [
      { name: 'Volodymyr Zelensky', type: 'person' },
      { name: 'World Bank', type: 'organization' },
    ],
  });
  const b = makeDoc('file:///ws/sources/b.txt', 'Analysts doubt that Zelensky can hold out. President Zelensky disagreed with them strongly.\n', {
    citekey: 'b2025',
    claims: { disagreed: { kind: 'reported', speaker: 'Volodymyr Zélensky' } },
    entities: [{ name: 'Volodymyr Zélensky', type: 'person', aliases: ['Zelensky', 'President Zelensky'] }],
  });
  const c = makeDoc('file:///ws/sources/c.txt', 'Melania Trump visited. Trump spoke later.\n', {
    citekey: 'c2025',
    entities: [{ name: 'Melania Trump', type: 'person', aliases: ['Trump'] }],
  });
  const d = makeDoc('file:///ws/sources/d.txt', 'Donald Trump spoke. Trump left.\n', {
    citekey: 'd2025',
    entities: [{ name: 'Donald Trump', type: 'person', aliases: ['Trump'] }],
  });

  it('folds case, diacritics, punctuation and a leading "the" in name keys', () => {
    assert.equal(nameKey('Volodymyr Zélensky'), nameKey('volodymyr zelensky'));
    assert.equal(nameKey('The World Bank'), nameKey('World Bank'));
  });

  it('joins one person named in several sources, with every alias, mention and claim', () => {
    const all = buildWorkspaceEntities([a, b, c, d]);
    const z = all.find((e) => e.name.startsWith('Volodymyr'))!;
    assert.equal(z.occurrences.length, 2);
    assert.equal(z.mentionCount, 1 + 2 + 1);
    assert.ok(z.aliases.includes('President Zelensky'));
    assert.deepEqual(z.claimsBy.map((r) => r.doc.citekey), ['a2025', 'b2025']);
    assert.deepEqual(z.claimsAbout.map((r) => r.doc.citekey), ['b2025']);
  });

  it('never joins two people through a shared surname alone', () => {
    const all = buildWorkspaceEntities([c, d]);
    assert.equal(all.filter((e) => e.type === 'person').length, 2);
  });

  it('follows a sidecar correction of the canonical name (same name, same entity)', () => {
    const corrected = makeDoc('file:///ws/sources/e.txt', 'Mr Zelensky spoke.\n', { citekey: 'e2025', entities: [{ name: 'Volodymyr Zelensky', type: 'person', aliases: ['Mr Zelensky'] }] });
    const all = buildWorkspaceEntities([a, corrected]);
    assert.equal(all.filter((e) => e.type === 'person').length, 1);
  });
});
