import * as vscode from 'vscode';
import type { CatalogCache } from '../../core/services/catalog';
import { citationDefinition, libraryDefinition } from '../../core/services/definition';
import type { MemoLibraries } from './library';
import { MARKDOWN, sourceRange } from './positions';
import { sourceViewUri } from './sourceView';

/** Go to Definition on a citation: the source at the cited sentence or paragraph, else the entry in the memo's bibliography. */
export function registerDefinition(catalog: CatalogCache, libraries: MemoLibraries): vscode.Disposable {
  return vscode.languages.registerDefinitionProvider(MARKDOWN, {
    async provideDefinition(document, position) {
      const cat = catalog.get();
      if (cat.sourceAt(document.uri.toString())) return undefined;
      const offset = document.offsetAt(position);
      const target = citationDefinition(cat, document.getText(), offset);
      if (target) return new vscode.Location(sourceViewUri(target.doc.path), sourceRange(target.doc, target.start, target.end));
      const entry = libraryDefinition(cat, await libraries.libraryOf(document), document.getText(), offset);
      if (!entry) return undefined;
      // Inline `references:` are in the memo itself.
      const file = entry.file ? await vscode.workspace.openTextDocument(vscode.Uri.parse(entry.file)) : document;
      return new vscode.Location(file.uri, new vscode.Range(file.positionAt(entry.start), file.positionAt(entry.end)));
    },
  });
}
