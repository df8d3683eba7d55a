import * as vscode from 'vscode';
import type { CatalogCache } from '../../core/services/catalog';
import { citationCompletionContext, citationCompletions } from '../../core/services/completion';
import { MARKDOWN } from './positions';

const KINDS = { source: vscode.CompletionItemKind.Reference, claim: vscode.CompletionItemKind.Text, figure: vscode.CompletionItemKind.Value } as const;

/** Citation completion after `[@` or `@` in memos. */
export function registerCompletion(catalog: CatalogCache): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    MARKDOWN,
    {
      provideCompletionItems(document, position) {
        const cat = catalog.get();
        if (cat.sourceAt(document.uri.toString())) return undefined;
        const text = document.getText();
        const ctx = citationCompletionContext(text, document.offsetAt(position));
        if (!ctx) return undefined;
        const replace = new vscode.Range(document.positionAt(ctx.replaceStart), position);
        const insert = new vscode.Range(document.positionAt(ctx.replaceStart), document.positionAt(ctx.replaceEnd));
        const items = citationCompletions(cat, ctx).map((c) => {
          const item = new vscode.CompletionItem(c.label, KINDS[c.kind]);
          item.insertText = c.insertText;
          item.filterText = c.filterText;
          item.sortText = c.sortText;
          item.detail = c.detail;
          const doc = new vscode.MarkdownString(c.documentation);
          doc.supportHtml = false;
          item.documentation = doc;
          item.range = { inserting: replace, replacing: insert };
          return item;
        });
        // Matching is on the words of claims, so the list is asked again as the analyst types.
        return new vscode.CompletionList(items, true);
      },
    },
    '@',
  );
}
