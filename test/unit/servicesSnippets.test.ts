import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseCitations } from '../../src/core/citation';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const snippets = JSON.parse(readFileSync('snippets/markdown.code-snippets', 'utf8')) as Record<string, Snippet>;

/** A snippet body as inserted when the analyst only tabs through: defaults, first choices, dates filled in. */
function expand(body: string | string[]): string {
  // `\$` is a literal dollar in snippet syntax: set it aside before placeholders are read.
  const text = (Array.isArray(body) ? body.join('\n') : body).replace(/\\\$/g, '\u0000');
  const defaults = new Map<string, string>();
  let out = text.replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_, n: string, choices: string) => {
    const first = choices.split(',')[0];
    defaults.set(n, first);
    return first;
  });
  for (let i = 0; i < 3; i++) {
    out = out.replace(/\$\{(\d+):([^{}]*)\}/g, (_, n: string, d: string) => {
      defaults.set(n, d);
      return d;
    });
  }
  return out
    .replace(/\$\{CURRENT_YEAR\}/g, '2025')
    .replace(/\$\{CURRENT_MONTH\}/g, '08')
    .replace(/\$\{CURRENT_DATE\}/g, '20')
    .replace(/\$\{(\d+)\}/g, (_, n: string) => defaults.get(n) ?? '')
    .replace(/\$\d+/g, '')
    .replace(/\u0000/g, '$');
}

const ICD_203 = ['almost no chance', 'very unlikely', 'unlikely', 'roughly even chance', 'likely', 'very likely', 'almost certain'];

describe('markdown snippets', () => {
  const byPrefix = (p: string) => Object.values(snippets).find((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]).includes(p));

  it('offer a memo skeleton with BLUF, background, assessment, recommendations and sources', () => {
    const memo = expand(byPrefix('memo')!.body);
    const headings = [...memo.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    assert.deepEqual(headings, ['BLUF', 'Background', 'Assessment', 'Recommendations', 'Sources']);
    assert.match(memo, /^---\ntitle: ".+"\nauthor: .+\ndate: 2025-08-20\n---/);
  });

  it('insert well-formed Pandoc citations with a paragraph locator', () => {
    for (const prefix of ['memo', 'cite', 'figure', 'quote', 'judgment']) {
      const text = expand(byPrefix(prefix)!.body);
      const items = parseCitations(text).flatMap((c) => c.items);
      assert.ok(items.length > 0, `${prefix}: no citation in ${text}`);
      for (const item of items) assert.deepEqual(item.locator?.label, 'paragraph', `${prefix}: ${text}`);
    }
    assert.match(expand(byPrefix('figure')!.body), /US\$524 billion, according to .+ \[@citekey, para\. 1\]/);
    assert.match(expand(byPrefix('quote')!.body), /“exact words” \[@citekey/);
  });

  it('offer exactly the ICD 203 estimative terms in a key judgment', () => {
    const body = Array.isArray(byPrefix('judgment')!.body) ? (byPrefix('judgment')!.body as string[]).join('\n') : (byPrefix('judgment')!.body as string);
    const choices = /\$\{\d+\|([^|]*)\|\}/.exec(body)![1].split(',');
    assert.deepEqual(choices, [...ICD_203].reverse());
  });
});
