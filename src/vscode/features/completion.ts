import * as vscode from 'vscode';
import type { CatalogCache } from '../../core/services/catalog';
import { citationCompletionContext, citationCompletions, completionPreview, type CitationCompletion } from '../../core/services/completion';
import type { MemoLibraries } from './library';
import { MARKDOWN } from './positions';

const KINDS = { source: vscode.CompletionItemKind.Reference, reference: vscode.CompletionItemKind.Reference, claim: vscode.CompletionItemKind.Text, figure: vscode.CompletionItemKind.Value } as const;

/** A completion item that remembers what it cites, so its preview is rendered only when shown. */
class CitationItem extends vscode.CompletionItem {
  constructor(readonly citation: CitationCompletion) {
    super(citation.label, KINDS[citation.kind]);
  }
}

/** Citation completion after `[@` or `@` in memos: sources, the memo's bibliography entries, claims and figures. */
export function registerCompletion(catalog: CatalogCache, onIndexChange: vscode.Event<void>, libraries: MemoLibraries): vscode.Disposable {
  // After the sources change, build the search tables in idle slices of ~10 ms, not on the first keystroke.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const prepare = (): void => {
    timer = catalog.get().prepareSearch(10) ? undefined : setTimeout(prepare, 5);
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(prepare, 500);
  };
  schedule();
  const provider = vscode.languages.registerCompletionItemProvider(
    MARKDOWN,
    {
      async provideCompletionItems(document, position) {
        if (catalog.get().sourceAt(document.uri.toString())) return undefined;
        const text = document.getText();
        const ctx = citationCompletionContext(text, document.offsetAt(position));
        if (!ctx) return undefined;
        const library = await libraries.libraryOf(document);
        const cat = catalog.get();
        const replace = new vscode.Range(document.positionAt(ctx.replaceStart), position);
        const insert = new vscode.Range(document.positionAt(ctx.replaceStart), document.positionAt(ctx.replaceEnd));
        const items = citationCompletions(cat, ctx, undefined, library).map((c) => {
          const item = new CitationItem(c);
          item.insertText = c.insertText;
          item.filterText = c.filterText;
          item.sortText = c.sortText;
          item.detail = c.detail;
          item.range = { inserting: replace, replacing: insert };
          return item;
        });
        // Matching is on the words of claims, so the list is asked again as the analyst types.
        return new vscode.CompletionList(items, true);
      },
      resolveCompletionItem(item) {
        if (item instanceof CitationItem) {
          const doc = new vscode.MarkdownString(completionPreview(item.citation));
          doc.supportHtml = false;
          item.documentation = doc;
        }
        return item;
      },
    },
    '@',
  );
  return vscode.Disposable.from(provider, onIndexChange(schedule), { dispose: () => clearTimeout(timer) });
}
