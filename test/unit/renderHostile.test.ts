import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { HOVER_COMMANDS } from '../../src/core/render/markdown';
import { Catalog } from '../../src/core/services/catalog';
import { citationCard, entityCard, figureCard, memoHover, sourceHover, sourceLine } from '../../src/core/services/hover';
import { WorkspaceIndex } from '../../src/core/workspaceIndex';
import { parseCitations } from '../../src/core/citation';
import { EVIL_COMMAND, HOSTILE_ARTICLE, HOSTILE_CITEKEY, HOSTILE_MEMO, HOSTILE_SIDECAR } from '../fixtures/hostile/article';

const md = new MarkdownIt({ html: true, linkify: true });

/** Renders a card (HTML on, the harshest setting) and fails on anything live but a link to our own commands. */
export function assertNothingLive(markdown: string, where: string): void {
  const html = md.render(markdown);
  for (const m of html.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/gi)) {
    const [tag, name, attrs] = m;
    assert.ok(['p', 'em', 'strong', 'blockquote', 'ul', 'li', 'hr', 'a', 'br'].includes(name.toLowerCase()), `${where}: live <${name}> in ${html}`);
    if (name.toLowerCase() === 'a') {
      const href = /href="([^"]*)"/.exec(attrs)?.[1] ?? '';
      const command = /^command:([^?]+)/.exec(href)?.[1];
      assert.ok(command && (HOVER_COMMANDS as readonly string[]).includes(command), `${where}: link ${tag} is not to a Claimdesk command`);
    }
  }
  assert.ok(!html.includes(`command:${EVIL_COMMAND}"`) && !/href="(?:javascript|https?):/i.test(html), `${where}: hostile link survived`);
}

describe('render: hostile article through every hover card', () => {
  const index = new WorkspaceIndex();
  index.upsertMany([{ path: 'file:///w/sources/hostile.md', text: HOSTILE_ARTICLE, sidecarText: HOSTILE_SIDECAR, sidecarPath: 'file:///w/sources/hostile.claimdesk.yaml' }]);
  const doc = index.sources()[0];
  const catalog = new Catalog(index.sources());

  it('the hostile source is read, curated with hostile values and cited by its sidecar citekey', () => {
    assert.equal(doc.citekey, HOSTILE_CITEKEY);
    assert.match(doc.meta.title ?? '', /command:workbench/);
    assert.ok(doc.extraction.claims.length >= 4);
    assert.ok(doc.extraction.claims.some((c) => c.curated?.includes('speaker') && c.speaker.includes('![x]')), 'a hostile curated speaker');
  });

  it('memo hovers over every offset: citations and figures render nothing live', () => {
    let cards = 0;
    for (let offset = 0; offset <= HOSTILE_MEMO.length; offset++) {
      const card = memoHover(catalog, HOSTILE_MEMO, offset, 'file:///w/memos/m.md');
      if (!card) continue;
      cards++;
      assertNothingLive(card.markdown, `memo offset ${offset}`);
    }
    assert.ok(cards > 20, `${cards} memo hovers`);
  });

  it('source hovers over every offset, entity cards, figure cards and citation cards render nothing live', () => {
    let cards = 0;
    for (let offset = 0; offset <= doc.text.length; offset++) {
      const card = sourceHover(catalog, doc, offset);
      if (!card) continue;
      cards++;
      assertNothingLive(card.markdown, `source offset ${offset}`);
    }
    for (const entity of catalog.entities) assertNothingLive(entityCard(entity), `entity ${entity.id}`);
    for (const target of catalog.targets) if (target.kind === 'figure') assertNothingLive(figureCard(target), `figure ${target.figure.id}`);
    for (const c of parseCitations(HOSTILE_MEMO)) for (const item of c.items) assertNothingLive(citationCard(catalog, item), `citation ${item.key}`);
    assertNothingLive(sourceLine(doc), 'source line');
    assert.ok(cards > 0 && catalog.entities.length > 0, `${cards} source hovers, ${catalog.entities.length} entities`);
  });
});
