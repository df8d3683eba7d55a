import * as vscode from 'vscode';
import type { SourceDoc } from '../../core/model';
import { LineIndex } from '../../core/text/lines';

const lineIndexes = new WeakMap<SourceDoc, LineIndex>();

/** A vscode.Range for offsets of an indexed source, computed on the text the index read (BOM and line endings as indexed). */
export function sourceRange(doc: SourceDoc, start: number, end: number): vscode.Range {
  let lines = lineIndexes.get(doc);
  if (!lines) lineIndexes.set(doc, (lines = new LineIndex(doc.text)));
  const a = lines.position(start);
  const b = lines.position(end);
  return new vscode.Range(a.line, a.character, b.line, b.character);
}

/** Markdown documents that are memos, not sources (a source may itself be markdown). */
export const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown' }];

/** Every language a source or memo opens in. */
export const SOURCES_AND_MEMOS: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'plaintext' }];
