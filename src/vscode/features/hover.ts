import * as vscode from 'vscode';
import { HOVER_COMMANDS } from '../../core/render/markdown';
import type { CatalogCache } from '../../core/services/catalog';
import { memoHover, sourceHover, type HoverCard } from '../../core/services/hover';
import type { MemoLibraries } from './library';
import { SOURCES_AND_MEMOS, sourceRange } from './positions';

/** Hover cards: in a memo over a citation or a figure; in a source over a figure or an entity mention. */
export function registerHover(catalog: CatalogCache, libraries: MemoLibraries): vscode.Disposable {
  return vscode.languages.registerHoverProvider(SOURCES_AND_MEMOS, {
    async provideHover(document, position) {
      let cat = catalog.get();
      const source = cat.sourceAt(document.uri.toString());
      let card: HoverCard | undefined;
      let range: vscode.Range | undefined;
      if (source) {
        card = sourceHover(cat, source, document.offsetAt(position));
        if (card) range = sourceRange(source, card.start, card.end);
      } else if (document.languageId === 'markdown') {
        const library = await libraries.libraryOf(document);
        cat = catalog.get();
        card = memoHover(cat, document.getText(), document.offsetAt(position), document.uri.toString(), library);
        if (card) range = new vscode.Range(document.positionAt(card.start), document.positionAt(card.end));
      }
      if (!card) return undefined;
      const markdown = new vscode.MarkdownString(card.markdown);
      markdown.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
      markdown.supportHtml = false;
      return new vscode.Hover(markdown, range);
    },
  });
}
