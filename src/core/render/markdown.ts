// Source and sidecar text is untrusted: everything rendered as Markdown goes through these helpers,
// so a hostile article can neither inject links, images, HTML or code fences nor run commands.

/** The only commands a Claimdesk hover may link to (passed to `isTrusted.enabledCommands`). */
export const HOVER_COMMANDS = ['claimdesk.openSource', 'claimdesk.insertCitation', 'claimdesk.findCitations'] as const;
export type HoverCommand = (typeof HOVER_COMMANDS)[number];

/** What a MarkdownString carrying our command links sets as `isTrusted`: our commands and no others. */
export function hoverTrust(): { enabledCommands: string[] } {
  return { enabledCommands: [...HOVER_COMMANDS] };
}

// Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping all of them
// (rather than guessing which ones matter in which context) leaves no link, image, emphasis, code,
// autolink (`https\://`, `www\.`), theme icon (`\$(…)`) or heading syntax alive. `<`, `>`, `&` and `"`
// become entities instead, so no HTML tag or entity of the source survives even where HTML is on.
const PUNCTUATION = /[!#$%'()*+,\-./:;=?@[\\\]^_`{|}~]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
// Bidirectional overrides and isolates can make escaped text read as something else (Trojan Source).
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** Escapes text for inline Markdown: nothing in it is interpreted; line breaks become spaces. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(BIDI_CONTROLS, '')
    .replace(/\r\n?|\n|\u2028|\u2029|\t/g, ' ')
    .replace(/\p{Cc}/gu, '\uFFFD')
    // Leading spaces would open a code block; white space at either end (a no-break space too) is dropped as
    // markdown drops it, so the rendered text is the text.
    .replace(/^\s+|\s+$/g, '')
    .replace(PUNCTUATION, (c) => '\\' + c)
    .replace(/[&<>"]/g, (c) => ENTITIES[c]);
}

/** A Markdown link to one of our own commands, its arguments JSON- and URI-encoded. */
export function commandLink(label: string, command: HoverCommand, args: unknown[]): string {
  if (!HOVER_COMMANDS.includes(command)) throw new Error(`not a Claimdesk hover command: ${command}`);
  return `[${escapeMarkdown(label)}](${commandUri(command, args)})`;
}

/** `command:<id>?<args>` with the JSON arguments percent-encoded, parentheses included, so the link destination cannot end early. */
export function commandUri(command: HoverCommand, args: unknown[]): string {
  const encoded = encodeURIComponent(JSON.stringify(args)).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return `command:${command}?${encoded}`;
}

/** A block quote of untrusted text, escaped. */
export function quoteBlock(text: string): string {
  return '> ' + escapeMarkdown(text);
}

/** Inline code showing untrusted text verbatim: the fence is longer than any backtick run inside. */
export function inlineCode(text: string): string {
  const flat = text.replace(BIDI_CONTROLS, '').replace(/\r\n?|\n/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || /^ .* $/.test(flat) ? ' ' : '';
  return fence + pad + flat + pad + fence;
}
