import * as assert from 'node:assert/strict';
import { Catalog } from '../../src/core/services/catalog';
import { SourcesTree, type TreeGrouping, type TreeNode } from '../../src/core/services/sourcesTree';
import { claimRowLabel, shortConfidence, shortSpeaker, TreeFilter } from '../../src/core/services/tree';
import { WorkspaceIndex } from '../../src/core/workspaceIndex';
import { HOSTILE_ARTICLE, HOSTILE_CITEKEY, HOSTILE_SIDECAR } from '../fixtures/hostile/article';
import { assertNothingLive } from './renderHostile.test';

const HOSTILE = 'file:///w/sources/hostile.md';
const REPORT = 'file:///w/sources/report.txt';
const REPORT_TEXT = 'Damage report\n\nThe World Bank said reconstruction will cost US$524 billion.\n\nViktor Orban said the talks had failed. Costs rose sharply.\n';

function setUp(): { tree: SourcesTree; index: WorkspaceIndex } {
  const index = new WorkspaceIndex();
  index.upsertMany([
    { path: HOSTILE, text: HOSTILE_ARTICLE, sidecarText: HOSTILE_SIDECAR, sidecarPath: 'file:///w/sources/hostile.claimdesk.yaml' },
    { path: REPORT, text: REPORT_TEXT, sidecarText: 'title: Damage report\nclaims:\n  c2.2: { hidden: true }\n', sidecarPath: 'file:///w/sources/report.claimdesk.yaml' },
  ]);
  let catalog: Catalog | undefined;
  index.onDidChange(() => (catalog = undefined));
  return { tree: new SourcesTree(() => (catalog ??= new Catalog(index.sources()))), index };
}

/** Every node, depth first, expanding everything that is not a leaf. */
function walk(tree: SourcesTree, node?: TreeNode): TreeNode[] {
  return tree.children(node).flatMap((child) => [child, ...(tree.item(child).state ? walk(tree, child) : [])]);
}

describe('Sources view model', () => {
  it('shows a hostile source’s titles, claims, speakers, entities and figures as inert tooltips in every grouping and filter', () => {
    const { tree } = setUp();
    let tooltips = 0;
    for (const grouping of ['kind', 'speaker', 'entity'] as TreeGrouping[]) {
      for (const query of ['', 'orban', 'command', 'evil']) {
        tree.grouping = grouping;
        tree.filter = new TreeFilter(query);
        for (const node of walk(tree)) {
          const item = tree.item(node);
          if (item.tooltip === undefined) continue;
          tooltips++;
          assertNothingLive(item.tooltip, `${grouping}/${query}: ${node.kind} ${item.label}`);
        }
      }
    }
    assert.ok(tooltips > 50, `${tooltips} tooltips`);
  });

  it('claim labels lead with who and how sure, then the text itself, unescaped (a tree label is never Markdown)', () => {
    const { tree } = setUp();
    const claims = walk(tree).filter((n): n is Extract<TreeNode, { kind: 'claim' }> => n.kind === 'claim');
    assert.ok(claims.length >= 4);
    for (const n of claims) {
      const label = tree.item(n).label;
      assert.ok(label.endsWith(' — ' + n.claim.text.replace(/\s+/g, ' ').trim()), label);
      assert.ok(label.startsWith(shortSpeaker(n.claim.speaker, n.doc.extraction.entities)), label);
      if (n.claim.confidence) assert.ok(label.includes(` · ${shortConfidence(n.claim.confidence)} — `), label);
    }
    const hostile = tree.children().find((n) => n.kind === 'source' && n.doc.path === HOSTILE)!;
    assert.match(tree.item(hostile).label, /^Talks <img src=x onerror=alert\(1\)> \[t\]\(command:/);
  });

  it('counts what the filter shows, and leaves hidden claims out of every count', () => {
    const { tree } = setUp();
    const check = () => {
      for (const node of walk(tree)) {
        const item = tree.item(node);
        if (node.kind === 'section' || node.kind === 'workspaceEntityType' || node.kind === 'entityClaims') {
          const shown = node.kind === 'section' && node.section === 'claims' ? walk(tree, node).filter((n) => n.kind === 'claim').length : node.kind === 'section' && node.section === 'entities' ? walk(tree, node).filter((n) => n.kind === 'entity').length : tree.children(node).length;
          assert.equal(item.description, String(shown), `${node.kind} ${item.label} with filter "${tree.filter.query}"`);
        }
        if (node.kind === 'claimGroup' || node.kind === 'entityGroup') assert.equal(item.description, String(tree.children(node).length));
        if (node.kind === 'workspaceEntity') assert.equal(item.state !== undefined, tree.children(node).length > 0);
      }
    };
    for (const grouping of ['kind', 'entity'] as TreeGrouping[]) {
      tree.grouping = grouping;
      for (const query of ['', 'costs', 'orban failed']) {
        tree.filter = new TreeFilter(query);
        check();
      }
    }
    tree.grouping = 'kind';
    tree.filter = new TreeFilter('');
    const report = tree.children().find((n) => n.kind === 'source' && n.doc.path === REPORT)!;
    const claims = tree.children(report).find((n) => n.kind === 'section' && n.section === 'claims')!;
    assert.equal(tree.item(claims).description, '2', 'the hidden claim is not counted');
    assert.match(tree.item(report).tooltip ?? '', / 2 claims,/);
  });

  it('filters by every word; a source whose title matches shows all of it', () => {
    const { tree } = setUp();
    tree.filter = new TreeFilter('world bank');
    const roots = tree.children();
    assert.deepEqual(roots.map((n) => n.kind === 'source' && n.doc.path), [REPORT]);
    const claims = walk(tree).filter((n) => n.kind === 'claim').map((n) => tree.item(n).label);
    assert.deepEqual(claims, ['World Bank — The World Bank said reconstruction will cost US$524 billion.']);
    tree.filter = new TreeFilter('damage');
    assert.equal(walk(tree).filter((n) => n.kind === 'claim').length, 2);
    assert.equal(tree.describe(), 'claims by kind · filter: damage');
    tree.filter = new TreeFilter('nothing matches this');
    assert.deepEqual(tree.children(), []);
  });

  it('groups claims by speaker with the author last, and entities across sources with what they said', () => {
    const { tree } = setUp();
    tree.grouping = 'speaker';
    const groups = walk(tree).filter((n) => n.kind === 'claimGroup').map((n) => tree.item(n).label);
    assert.ok(groups.includes('Viktor Orban'), groups.join(', '));
    tree.grouping = 'entity';
    assert.equal(tree.describe(), 'by entity');
    const bank = walk(tree).find((n) => n.kind === 'workspaceEntity' && n.entity.name === 'World Bank');
    assert.ok(bank, walk(tree).map((n) => tree.item(n).label).join(' | '));
    assert.deepEqual(tree.children(bank).map((n) => [tree.item(n).label, tree.item(n).description]), [['Said by World Bank', '1']]);
  });

  it('gives each node its citation, its span and what a click opens', () => {
    const { tree } = setUp();
    const nodes = walk(tree);
    const figure = nodes.find((n): n is Extract<TreeNode, { kind: 'figure' }> => n.kind === 'figure' && n.figure.text === 'US$524 billion')!;
    assert.equal(tree.citationOf(figure), '[@report, para. 1]'.replace('report', figure.doc.citekey));
    assert.deepEqual(tree.spanOf(figure), { doc: figure.doc, start: figure.figure.span.start, end: figure.figure.span.end });
    assert.deepEqual(tree.item(figure).open, tree.spanOf(figure));
    const hostile = nodes.find((n) => n.kind === 'source' && n.doc.path === HOSTILE)!;
    assert.equal(tree.citationOf(hostile), `[@${HOSTILE_CITEKEY}]`);
    assert.equal(tree.spanOf(hostile)?.start, hostile.kind === 'source' ? hostile.doc.bodyStart : -1);
    const section = nodes.find((n) => n.kind === 'section')!;
    assert.equal(tree.spanOf(section), undefined);
    assert.equal(tree.targetOf(section), undefined);
  });
});

describe('Sources view rows at sidebar width', () => {
  const entities = [{ id: 'person:donald-trump', name: 'Donald Trump', type: 'person' as const, aliases: ['Donald Trump', 'Trump'], mentions: [] }];
  const claim = (speaker: string, confidence: string | null) => ({ id: 'c1', text: 'Russia will\nkeep the land.', kind: 'reported' as const, speaker, confidence, span: { start: 0, end: 1, line: 0, character: 0, endLine: 0, endCharacter: 1 }, paragraph: 1, entityIds: [], figureIds: [] });

  it('lead with the family name of a person and the confidence, before the sentence', () => {
    assert.equal(claimRowLabel(claim('Donald Trump', 'likely'), entities, 'kind'), 'Trump · likely — Russia will keep the land.');
    assert.equal(claimRowLabel(claim('author', null), entities, 'kind'), 'author — Russia will keep the land.');
    assert.equal(claimRowLabel(claim('author', 'would almost certainly'), entities, 'kind'), 'author · almost certain — Russia will keep the land.');
    // Grouped by speaker, the group names who: only how sure leads.
    assert.equal(claimRowLabel(claim('Donald Trump', 'likely'), entities, 'speaker'), 'likely — Russia will keep the land.');
    assert.equal(claimRowLabel(claim('Donald Trump', null), entities, 'speaker'), 'Russia will keep the land.');
  });

  it('keep a body’s name whole up to 22 characters', () => {
    assert.equal(shortSpeaker('World Bank', entities), 'World Bank');
    assert.equal(shortSpeaker('International Monetary Fund staff', entities), 'International Monetar…');
  });
});
