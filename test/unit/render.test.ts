import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { commandLink, commandUri, escapeMarkdown, hoverTrust, inlineCode, quoteBlock } from '../../src/core/render/markdown';

// The harshest renderer we can get: HTML and autolinking on (VS Code's hovers have HTML off).
const md = new MarkdownIt({ html: true, linkify: true });

const HOSTILE = [
  '[click](command:workbench.action.terminal.new)',
  '[x](command:_workbench.downloadResource?%5B%22http%3A%2F%2Fevil%22%5D "t")',
  '[js](javascript:alert(1)) <a href="javascript:alert(1)">a</a>',
  '![img](https://evil.example/track.png) <img src=x onerror=alert(1)>',
  '<script>alert(1)</script><iframe src="https://evil.example"></iframe>',
  '`code` ``` fenced ``` ~~~ tilde',
  'https://evil.example www.evil.example mail@evil.example <https://evil.example>',
  '[ref]: https://evil.example\n[ref]',
  '# heading\n- list\n1. list\n> quote\n    indented code\n---\n| a | b |',
  '$(alert) $(sync~spin) **bold** _em_ ~~strike~~ &amp; &#x3C;b&#x3E; \\[esc\\]',
  '\u202Eevil\u202C mixed \u0000 nul \u0007 bell',
];

function expectedText(s: string): string {
  return s
    .replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g, '')
    .replace(/\r\n?|\n|\u2028|\u2029|\t/g, ' ')
    .replace(/\p{Cc}/gu, '\uFFFD')
    // escapeMarkdown drops white space of every kind at both ends (a BOM, a no-break space, an ideographic
    // space), where markdown-it would trim only spaces and tabs.
    .replace(/^\s+|\s+$/g, '');
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Renders escaped text as a paragraph: it must be exactly the text, with nothing interpreted. */
function assertInert(s: string): void {
  const html = md.render(escapeMarkdown(s));
  const text = expectedText(s);
  assert.equal(html, text ? `<p>${escapeHtml(text)}</p>\n` : '', JSON.stringify(s));
}

describe('render: escaping untrusted text', function () {
  this.timeout(60_000); // 6,000 property runs; slow on a busy shared machine
  it('leaves nothing of a hostile article live: links, command and javascript URIs, images, HTML, code, autolinks, icons', () => {
    for (const s of HOSTILE) assertInert(s);
    const joined = md.render(HOSTILE.map(escapeMarkdown).join(' '));
    assert.doesNotMatch(joined, /<(?!\/?p>)[a-z]/i);
    assert.doesNotMatch(joined, /<(?:a|img|script|iframe|code)\b/);
  });

  it('renders any text as exactly that text (property, markdown-it with HTML and linkify on)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => assertInert(s)), { numRuns: 3000 });
    const markdownish = fc.array(fc.constantFrom('[', ']', '(', ')', '!', '<', '>', '`', '*', '_', '~', '#', '&', ';', ':', '\\', '\n', ' ', '    ', 'a', 'command', 'http', 'www.', '.', '@', '|', '-', '=', '$', 'javascript:', '"', "'"), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(fc.property(markdownish, (s) => assertInert(s)), { numRuns: 3000 });
  });

  it('command links reach only our commands, with arguments that cannot break out of the link', () => {
    const link = commandLink('Open ](command:evil)', 'claimdesk.openSource', [{ path: 'a)b](command:evil) "x"', at: 3 }]);
    const html = md.render(link);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    assert.equal(hrefs.length, 1, html);
    assert.ok(hrefs[0].startsWith('command:claimdesk.openSource?'), hrefs[0]);
    const args = JSON.parse(decodeURIComponent(hrefs[0].slice(hrefs[0].indexOf('?') + 1)));
    assert.deepEqual(args, [{ path: 'a)b](command:evil) "x"', at: 3 }]);
    assert.throws(() => commandLink('x', 'workbench.action.terminal.new' as never, []));
    assert.doesNotMatch(commandUri('claimdesk.openSource', ["()!'*"]), /[()!'*]/);
    assert.deepEqual(hoverTrust(), { enabledCommands: ['claimdesk.openSource', 'claimdesk.insertCitation', 'claimdesk.findCitations'] });
  });

  it('quotes and inline code stay inert', () => {
    assert.equal(md.render(quoteBlock('a\n# b [x](y)')), '<blockquote>\n<p>a # b [x](y)</p>\n</blockquote>\n');
    for (const s of ['plain', 'a `tick` b', '``double``', '`', '<b>x</b>']) {
      assert.equal(md.render(inlineCode(s)), `<p><code>${escapeHtml(s)}</code></p>\n`, s);
    }
  });
});
