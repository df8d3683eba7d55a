import * as vscode from 'vscode';
import type { CatalogCache } from '../../core/services/catalog';
import { citationDefinition } from '../../core/services/definition';
import { MARKDOWN, sourceRange } from './positions';
import { sourceViewUri } from './sourceView';

/** Go to Definition on a citation: the source at the cited sentence or paragraph. */
export function registerDefinition(catalog: CatalogCache): vscode.Disposable {
  return vscode.languages.registerDefinitionProvider(MARKDOWN, {
    provideDefinition(document, position) {
      const cat = catalog.get();
      if (cat.sourceAt(document.uri.toString())) return undefined;
      const target = citationDefinition(cat, document.getText(), document.offsetAt(position));
      if (!target) return undefined;
      return new vscode.Location(sourceViewUri(target.doc.path), sourceRange(target.doc, target.start, target.end));
    },
  });
}
