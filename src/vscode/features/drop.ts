import * as vscode from 'vscode';
import type { CiteTarget } from '../../core/services/catalog';
import { citationFor, insertionFor, spacedInsertion } from '../../core/services/cite';
import { MARKDOWN } from './positions';

/** The mime type a dragged claim or figure carries: JSON {insert, citation}. */
export const CITATION_MIME = 'application/vnd.claimdesk.citation+json';

export interface DraggedCitation {
  /** What a drop inserts: the citation, preceded by the quote for a quote claim. */
  insert: string;
  citation: string;
}

/** The payload a tree node carries when dragged, or undefined for nodes that cannot be cited. */
export function dragPayload(target: CiteTarget | undefined): DraggedCitation | undefined {
  return target && { insert: insertionFor(target), citation: citationFor(target) };
}

/** Drag side: claims and figures leave the tree as CITATION_MIME. */
export class CitationDragController<T> implements vscode.TreeDragAndDropController<T> {
  readonly dropMimeTypes: readonly string[] = [];
  readonly dragMimeTypes: readonly string[] = [CITATION_MIME];

  constructor(private readonly targetOf: (node: T) => CiteTarget | undefined) {}

  handleDrag(nodes: readonly T[], dataTransfer: vscode.DataTransfer): void {
    const payloads = nodes.map((n) => dragPayload(this.targetOf(n))).filter((p): p is DraggedCitation => !!p);
    if (!payloads.length) return;
    const joined: DraggedCitation = { insert: payloads.map((p) => p.insert).join(' '), citation: payloads.map((p) => p.citation).join(' ') };
    dataTransfer.set(CITATION_MIME, new vscode.DataTransferItem(JSON.stringify(joined)));
  }
}

/** Drop side: a CITATION_MIME drop into a markdown editor inserts the citation (and quote). */
export class CitationDropProvider implements vscode.DocumentDropEditProvider {
  async provideDocumentDropEdits(document: vscode.TextDocument, position: vscode.Position, dataTransfer: vscode.DataTransfer): Promise<vscode.DocumentDropEdit | undefined> {
    const item = dataTransfer.get(CITATION_MIME);
    if (!item) return undefined;
    let payload: DraggedCitation;
    try {
      payload = JSON.parse(await item.asString()) as DraggedCitation;
    } catch {
      return undefined;
    }
    if (typeof payload?.insert !== 'string' || !payload.insert) return undefined;
    const before = document.getText(new vscode.Range(position.with(undefined, 0), position));
    const edit = new vscode.DocumentDropEdit(spacedInsertion(before, payload.insert), 'Insert Claimdesk citation', vscode.DocumentDropOrPasteEditKind.Empty.append('claimdesk', 'citation'));
    return edit;
  }
}

export function registerDrop(): vscode.Disposable {
  return vscode.languages.registerDocumentDropEditProvider(MARKDOWN, new CitationDropProvider(), {
    dropMimeTypes: [CITATION_MIME],
    providedDropEditKinds: [vscode.DocumentDropOrPasteEditKind.Empty.append('claimdesk', 'citation')],
  });
}
