// Source and sidecar text is untrusted: everything rendered as Markdown goes through these helpers,
// so a hostile article can neither inject links, images, HTML or code fences nor run commands.

/** The only commands a Claimdesk hover may link to (passed to `isTrusted.enabledCommands`). */
export const HOVER_COMMANDS = ['claimdesk.openSource', 'claimdesk.insertCitation', 'claimdesk.findCitations'] as const;
export type HoverCommand = (typeof HOVER_COMMANDS)[number];

/** Escapes text for inline Markdown: every character Markdown or HTML could act on is backslash-escaped or an entity. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~>:]/g, (c) => '\\' + c)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r?\n/g, ' ');
}

/** A Markdown link to one of our own commands, its arguments JSON- and URI-encoded. */
export function commandLink(label: string, command: HoverCommand, args: unknown[]): string {
  if (!HOVER_COMMANDS.includes(command)) throw new Error(`not a Claimdesk hover command: ${command}`);
  const encoded = encodeURIComponent(JSON.stringify(args));
  return `[${escapeMarkdown(label)}](command:${command}?${encoded})`;
}

/** A block quote of untrusted text, escaped. */
export function quoteBlock(text: string): string {
  return '> ' + escapeMarkdown(text);
}
