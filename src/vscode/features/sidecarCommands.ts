import * as vscode from 'vscode';
import { CONFIDENCE_LEVELS } from '../../core/memo/confidence';
import { CLAIM_KINDS, ENTITY_TYPES, type Claim, type ClaimKind, type Entity, type EntityType, type SourceDoc } from '../../core/model';
import { applyCuration, driftedClaims, editSidecar, parseSidecar, type SidecarEdit } from '../../core/sidecar';
import { createSidecarText } from '../../core/services/sidecarTemplate';
import { sidecarPathFor } from '../../core/source';
import type { SourceIndexFeature } from './sourceIndex';
import { ensureTrusted, insideWorkspace } from './workspaceTrust';

/** What the commands accept: a tree node ({ doc, claim } / { doc, entity } / { doc }), a source URI, or nothing (the active editor). */
type Target = { doc?: Pick<SourceDoc, 'path'>; claim?: Pick<Claim, 'id'>; entity?: Pick<Entity, 'id'> } | vscode.Uri | undefined;

/** A correction given by the caller (a quick fix, a test) instead of asked for in quick picks. */
export interface CurationPreset<E extends 'claim' | 'entity'> {
  set: Extract<SidecarEdit, { target: E }>['set'];
  remove?: Extract<SidecarEdit, { target: E }>['remove'];
}

/**
 * Commands that write sidecars: Create/Update Sidecar, Curate Claim…, Curate Entity…. Each reads
 * the sidecar fresh, edits it in core (Document API: comments, order and unknown keys kept),
 * refuses one that does not parse, and writes atomically (temporary file in the same folder,
 * then rename over the target). Nothing is written in an untrusted workspace.
 */
export function registerSidecarCommands(sources: SourceIndexFeature): vscode.Disposable {
  const docOf = (target: Target): SourceDoc | undefined => {
    const path = target instanceof vscode.Uri ? target.toString() : target?.doc?.path ?? vscode.window.activeTextEditor?.document.uri.toString();
    if (!path) return undefined;
    // The tree may hold an older build of the source; the index has the current one.
    return sources.index.get(path) ?? sources.index.sourceOfSidecar(path);
  };

  const withSource = async (target: Target, action: string, run: (doc: SourceDoc) => Promise<void>): Promise<void> => {
    const doc = docOf(target);
    if (!doc) {
      void vscode.window.showInformationMessage('Claimdesk: open a source (or pick one in the Claimdesk view) first.');
      return;
    }
    if (!(await ensureTrusted(action))) return;
    try {
      await run(doc);
    } catch (e) {
      void vscode.window.showErrorMessage(`Claimdesk: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const apply = async (doc: SourceDoc, edits: (current: string | undefined) => SidecarEdit[]): Promise<boolean> => {
    const target = vscode.Uri.parse(sidecarPathFor(doc.path));
    const current = await readIfExists(target);
    const base = current ?? createSidecarText(doc);
    const result = editSidecar(base, edits(current));
    if (!result.ok) throw new Error(`${vscode.workspace.asRelativePath(target)}: ${result.error}.`);
    if (current !== undefined && !result.changed) return false;
    await writeAtomically(target, result.text, current);
    await sources.refresh(vscode.Uri.parse(doc.path));
    return true;
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand('claimdesk.createSidecar', (target?: Target) =>
      withSource(target, 'create sidecars', async (doc) => {
        const uri = vscode.Uri.parse(sidecarPathFor(doc.path));
        if ((await readIfExists(uri)) === undefined) {
          await writeAtomically(uri, createSidecarText(doc), undefined);
          await sources.refresh(vscode.Uri.parse(doc.path));
        }
        await vscode.window.showTextDocument(uri, { preview: false });
      }),
    ),

    vscode.commands.registerCommand('claimdesk.updateSidecar', (target?: Target) =>
      withSource(target, 'update sidecars', async (doc) => {
        const uri = vscode.Uri.parse(sidecarPathFor(doc.path));
        const current = await readIfExists(uri);
        if (current === undefined) {
          await vscode.commands.executeCommand('claimdesk.createSidecar', vscode.Uri.parse(doc.path));
          return;
        }
        const parsed = parseSidecar(current, uri.toString());
        if (!parsed.valid) throw new Error(`${vscode.workspace.asRelativePath(uri)} is not valid YAML; fix it first, Claimdesk will not overwrite it.`);
        const moves = driftedClaims(parsed.curation, applyCuration(doc.extraction, parsed.curation));
        const changed = await apply(doc, () => [{ target: 'reanchor', moves }]);
        void vscode.window.showInformationMessage(changed ? `Claimdesk: ${moves.length} claim correction(s) moved to their claims' new ids or wording.` : 'Claimdesk: the sidecar is up to date; nothing was written.');
      }),
    ),

    vscode.commands.registerCommand('claimdesk.curateClaim', (target?: Target, preset?: CurationPreset<'claim'>) =>
      withSource(target, 'curate claims', async (doc) => {
        const claim = target && !(target instanceof vscode.Uri) && target.claim ? doc.extraction.claims.find((c) => c.id === target.claim!.id) : (claimAtCursor(doc) ?? (await pickClaim(doc)));
        if (!claim) return;
        const edit: SidecarEdit | undefined = preset ? { target: 'claim', claim: { id: claim.id, text: claim.text }, ...preset } : await askClaimEdit(doc, claim);
        if (!edit) return;
        await apply(doc, () => [edit]);
      }),
    ),

    vscode.commands.registerCommand('claimdesk.curateEntity', (target?: Target, preset?: CurationPreset<'entity'>) =>
      withSource(target, 'curate entities', async (doc) => {
        const entity = target && !(target instanceof vscode.Uri) && target.entity ? doc.extraction.entities.find((e) => e.id === target.entity!.id) : await pickEntity(doc, 'Entity to correct');
        if (!entity) return;
        const edit: SidecarEdit | undefined = preset ? { target: 'entity', name: entity.name, ...preset } : await askEntityEdit(doc, entity);
        if (!edit) return;
        await apply(doc, () => [edit]);
      }),
    ),
  );
}

/** The claim under the cursor when the active editor shows this source. */
function claimAtCursor(doc: SourceDoc): Claim | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.toString() !== doc.path) return undefined;
  const offset = editor.document.offsetAt(editor.selection.active);
  return doc.extraction.claims.find((c) => offset >= c.span.start && offset <= c.span.end);
}

/** Quick pick labels render `$(icon)`; source text must not. */
function plain(text: string): string {
  return text.replace(/\$\(/g, '$\u200B(');
}

async function pickClaim(doc: SourceDoc): Promise<Claim | undefined> {
  const picked = await vscode.window.showQuickPick(
    doc.extraction.claims.map((claim) => ({ label: plain(claim.text), description: plain(`${claim.id} · ${claim.kind} · ${claim.speaker}`), claim })),
    { placeHolder: 'Claim to correct', matchOnDescription: true },
  );
  return picked?.claim;
}

async function pickEntity(doc: SourceDoc, placeHolder: string, except?: Entity): Promise<Entity | undefined> {
  const picked = await vscode.window.showQuickPick(
    doc.extraction.entities.filter((e) => e !== except && e.id !== except?.id).map((entity) => ({ label: plain(entity.name), description: plain(`${entity.type} · ${entity.aliases.join(', ')}`), entity })),
    { placeHolder, matchOnDescription: true },
  );
  return picked?.entity;
}

async function askClaimEdit(doc: SourceDoc, claim: Claim): Promise<SidecarEdit | undefined> {
  const ref = { id: claim.id, text: claim.text };
  const actions = [
    { label: 'Kind…', description: claim.kind, action: 'kind' },
    { label: 'Speaker…', description: plain(claim.speaker), action: 'speaker' },
    { label: 'Confidence…', description: plain(claim.confidence ?? 'none'), action: 'confidence' },
    { label: claim.hidden ? 'Show this claim again' : 'Hide this claim', action: 'hidden' },
    { label: 'Note…', description: claim.note && plain(claim.note), action: 'note' },
    ...(claim.curated?.length ? [{ label: 'Revert my corrections', description: claim.curated.join(', '), action: 'revert' }] : []),
  ];
  const choice = await vscode.window.showQuickPick(actions, { placeHolder: `Correct ${claim.id}: ${claim.text.slice(0, 80)}` });
  if (!choice) return undefined;
  switch (choice.action) {
    case 'kind': {
      const kind = await vscode.window.showQuickPick(CLAIM_KINDS.map((k) => ({ label: k, picked: k === claim.kind })), { placeHolder: 'Kind of claim' });
      return kind && { target: 'claim', claim: ref, set: { kind: kind.label as ClaimKind } };
    }
    case 'speaker': {
      const other = '$(edit) Someone else…';
      const options = [{ label: 'author', name: 'author' }, ...doc.extraction.entities.filter((e) => e.type !== 'place').map((e) => ({ label: plain(e.name), name: e.name })), { label: other, name: other }];
      const picked = (await vscode.window.showQuickPick(options, { placeHolder: 'Who makes this claim?' }))?.name;
      if (!picked) return undefined;
      const speaker = picked === other ? (await vscode.window.showInputBox({ prompt: 'Speaker (a person or body named in the source)', value: claim.speaker }))?.trim() : picked;
      return speaker ? { target: 'claim', claim: ref, set: { speaker } } : undefined;
    }
    case 'confidence': {
      const none = 'No estimative phrase';
      const other = '$(edit) Other phrase…';
      const picked = await vscode.window.showQuickPick([none, ...CONFIDENCE_LEVELS, other], { placeHolder: 'ICD 203 estimative confidence' });
      if (!picked) return undefined;
      if (picked === none) return { target: 'claim', claim: ref, set: { confidence: null } };
      const confidence = picked === other ? (await vscode.window.showInputBox({ prompt: 'Confidence phrase as the source words it', value: claim.confidence ?? '' }))?.trim() : picked;
      return confidence ? { target: 'claim', claim: ref, set: { confidence } } : undefined;
    }
    case 'hidden':
      return claim.hidden ? { target: 'claim', claim: ref, set: {}, remove: ['hidden'] } : { target: 'claim', claim: ref, set: { hidden: true } };
    case 'note': {
      const note = await vscode.window.showInputBox({ prompt: 'Note on this claim (kept in the sidecar)', value: claim.note ?? '' });
      if (note === undefined) return undefined;
      return note.trim() ? { target: 'claim', claim: ref, set: { note: note.trim() } } : { target: 'claim', claim: ref, set: {}, remove: ['note'] };
    }
    case 'revert':
      return { target: 'claim', claim: ref, set: {}, remove: ['kind', 'speaker', 'confidence', 'hidden', 'note'] };
  }
  return undefined;
}

async function askEntityEdit(doc: SourceDoc, entity: Entity): Promise<SidecarEdit | undefined> {
  const choice = await vscode.window.showQuickPick(
    [
      { label: 'Rename…', description: plain(entity.name), action: 'rename' },
      { label: 'Merge into another entity…', action: 'merge' },
      { label: 'Type…', description: entity.type, action: 'type' },
      { label: 'Add an alias…', description: plain(entity.aliases.join(', ')), action: 'alias' },
      { label: 'Not an entity: hide it', action: 'hide' },
      { label: 'Note…', description: entity.note && plain(entity.note), action: 'note' },
    ],
    { placeHolder: `Correct ${entity.name}` },
  );
  if (!choice) return undefined;
  const name = entity.name;
  switch (choice.action) {
    case 'rename': {
      const rename = (await vscode.window.showInputBox({ prompt: `New canonical name for ${name} (claims and figures follow)`, value: name }))?.trim();
      return rename && rename !== name ? { target: 'entity', name, set: { rename } } : undefined;
    }
    case 'merge': {
      const into = await pickEntity(doc, `Merge ${name} into…`, entity);
      return into && { target: 'entity', name, set: { mergeInto: into.name } };
    }
    case 'type': {
      const type = await vscode.window.showQuickPick(ENTITY_TYPES.map((t) => ({ label: t, picked: t === entity.type })), { placeHolder: `Type of ${name}` });
      return type && { target: 'entity', name, set: { type: type.label as EntityType } };
    }
    case 'alias': {
      const alias = (await vscode.window.showInputBox({ prompt: `Another name for ${name}` }))?.trim();
      return alias ? { target: 'entity', name, set: { aliases: [alias] } } : undefined;
    }
    case 'hide':
      return { target: 'entity', name, set: { hidden: true } };
    case 'note': {
      const note = await vscode.window.showInputBox({ prompt: `Note on ${name}`, value: entity.note ?? '' });
      if (note === undefined) return undefined;
      return note.trim() ? { target: 'entity', name, set: { note: note.trim() } } : { target: 'entity', name, set: {}, remove: ['note'] };
    }
  }
  return undefined;
}

async function readIfExists(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code !== 'FileNotFound' && e.code !== 'EntryNotFound') throw e;
    return undefined;
  }
}

/**
 * Writes through a temporary file in the same folder, then renames it over the target, so a
 * crash or a full disk never leaves half a sidecar. Refuses when the file changed on disk since
 * it was read, or has unsaved edits in an editor, or lies outside the workspace.
 */
export async function writeAtomically(target: vscode.Uri, text: string, expected: string | undefined): Promise<void> {
  if (!insideWorkspace(target)) throw new Error(`${target.toString(true)} is outside the workspace; Claimdesk writes sidecars only inside it.`);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
  if (open?.isDirty) throw new Error(`${vscode.workspace.asRelativePath(target)} has unsaved changes; save or revert them first.`);
  const now = await readIfExists(target);
  if (now !== expected) throw new Error(`${vscode.workspace.asRelativePath(target)} changed on disk meanwhile; nothing was written, try again.`);
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const temp = vscode.Uri.joinPath(target, '..', `.${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
  try {
    // A new file never replaces one that appeared meanwhile (the analyst's own, say).
    await vscode.workspace.fs.rename(temp, target, { overwrite: expected !== undefined });
  } catch (e) {
    await Promise.resolve(vscode.workspace.fs.delete(temp)).catch(() => undefined);
    throw e;
  }
}
