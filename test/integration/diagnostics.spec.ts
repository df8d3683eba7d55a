import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { activateClaimdesk, memoDiagnostics, openInEditor, rangeOf, sampleMemo, untilIndexed, workspaceUri, writeWorkspaceFile } from './harness/util';

const CHECKED_MEMO = 'memos/diagnostics-check.md';
const MEMO_TEXT = [
  '# Checks',
  '',
  'Reconstruction will cost US$542 billion [@borodyna2025, para. 19].',
  'Trump said: “Those are points we largely agreed on.” [@borodyna2025, para. 4]',
  'See also [@nobody2020, para. 2]. Over 5 million Ukrainians live abroad.',
  '',
].join('\n');

function byCode(diagnostics: readonly vscode.Diagnostic[], code: string): vscode.Diagnostic | undefined {
  return diagnostics.find((d) => d.code === code);
}

// Each test starts from the fixture (the runner restores files and settings): the checked memo is
// written afresh before each.
describe('Claimdesk memo diagnostics', () => {
  let api: Awaited<ReturnType<typeof activateClaimdesk>>;
  beforeEach(async () => {
    api = await activateClaimdesk();
    await writeWorkspaceFile(CHECKED_MEMO, MEMO_TEXT);
  });

  const has = (code: string) => (diagnostics: vscode.Diagnostic[]) => Boolean(byCode(diagnostics, code));
  const lacks = (code: string) => (diagnostics: vscode.Diagnostic[]) => !byCode(diagnostics, code);

  it('shows each problem of a memo at its place, with its severity', async () => {
    const editor = await openInEditor(CHECKED_MEMO);
    const diagnostics = await memoDiagnostics(api, editor.document);
    const doc = editor.document;

    const figure = byCode(diagnostics, 'figure-mismatch');
    assert.ok(figure, `no figure-mismatch in ${JSON.stringify(diagnostics.map((d) => d.message))}`);
    assert.ok(figure.range.isEqual(rangeOf(doc, 'US$542 billion')));
    assert.equal(figure.severity, vscode.DiagnosticSeverity.Error);
    assert.match(figure.message, /it has US\$524 billion/);

    const quote = byCode(diagnostics, 'quote-mismatch');
    assert.ok(quote?.range.isEqual(rangeOf(doc, '“Those are points we largely agreed on.”')));
    const key = byCode(diagnostics, 'unknown-citekey');
    assert.ok(key?.range.isEqual(rangeOf(doc, 'nobody2020')));
    const uncited = byCode(diagnostics, 'uncited-figure');
    assert.equal(uncited?.severity, vscode.DiagnosticSeverity.Hint);
    assert.ok(uncited?.range.isEqual(rangeOf(doc, 'Over 5 million Ukrainians')));
    assert.ok(diagnostics.every((d) => d.source === 'Claimdesk'));
  });

  it('applies a quick fix from the real code action provider, and the diagnostic goes away', async () => {
    const editor = await openInEditor(CHECKED_MEMO);
    const doc = editor.document;
    await memoDiagnostics(api, doc, has('figure-mismatch'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, rangeOf(doc, 'US$542 billion'));
    const useSource = actions.find((a) => a.title === "Use the source's figure: US$524 billion");
    assert.ok(useSource?.edit, `no quick fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(useSource.edit));
    assert.match(doc.getText(), /will cost US\$524 billion \[@borodyna2025, para\. 19\]/);
    await memoDiagnostics(api, doc, lacks('figure-mismatch'), 'the figure diagnostic to clear');

    // The quotation's fix restores the source's wording.
    const quoteActions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, rangeOf(doc, 'Those are points'));
    const wording = quoteActions.find((a) => a.title.startsWith("Use the source's wording"));
    assert.ok(wording?.edit, `no wording fix among ${JSON.stringify(quoteActions.map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(wording.edit));
    assert.ok(doc.getText().includes('“Those are points that we largely agreed on.”'));
    await memoDiagnostics(api, doc, lacks('quote-mismatch'), 'the quotation diagnostic to clear');
  });

  it('follows the severity settings', async () => {
    const editor = await openInEditor(CHECKED_MEMO);
    const doc = editor.document;
    const error = byCode(await memoDiagnostics(api, doc, has('figure-mismatch')), 'figure-mismatch');
    assert.equal(error?.severity, vscode.DiagnosticSeverity.Error);
    await vscode.workspace.getConfiguration('claimdesk.diagnostics').update('figureMismatch', 'off', vscode.ConfigurationTarget.Global);
    await memoDiagnostics(api, doc, lacks('figure-mismatch'), 'the figure check to be switched off');
    await vscode.workspace.getConfiguration('claimdesk.diagnostics').update('figureMismatch', 'warning', vscode.ConfigurationTarget.Global);
    const warning = byCode(await memoDiagnostics(api, doc, has('figure-mismatch'), 'the figure check as a warning'), 'figure-mismatch');
    assert.equal(warning?.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('rechecks open memos when a source changes', async () => {
    const source = 'sources/diagnostics-extra.txt';
    const text = (amount: string) => `The ministry said repairs will cost ${amount} this year.\n`;
    await writeWorkspaceFile(source.replace(/\.txt$/, '.claimdesk.yaml'), 'citekey: ministry2026\n');
    await writeWorkspaceFile(source, text('€12 billion'));
    await untilIndexed(api, () => api.index.byCitekey('ministry2026'), 'the new source to be indexed');
    await writeWorkspaceFile('memos/source-change.md', 'Repairs will cost €15 billion [@ministry2026, para. 1].\n');
    const editor = await openInEditor('memos/source-change.md');
    await memoDiagnostics(api, editor.document, has('figure-mismatch'), 'a figure mismatch against the new source');
    await writeWorkspaceFile(source, text('€15 billion'));
    await memoDiagnostics(api, editor.document, lacks('figure-mismatch'), 'the mismatch to clear after the source changed');
  });

  it('finds nothing wrong in the sample memo', async () => {
    const editor = await openInEditor(sampleMemo);
    const remaining = await memoDiagnostics(api, editor.document);
    assert.deepEqual(remaining.map((d) => `${d.code}: ${d.message}`), []);
  });

  it('exports the sources as CSL-JSON and adds the bibliography to a memo', async () => {
    await writeWorkspaceFile('memos/bib-check.md', '---\ntitle: "Keep: this"   # comment\n---\n\nText [@borodyna2025, para. 4].\n');
    const editor = await openInEditor('memos/bib-check.md');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, rangeOf(editor.document, 'borodyna2025'));
    const add = actions.find((a) => a.command?.command === 'claimdesk.addBibliography');
    assert.ok(add?.command, `no add-bibliography action among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(await vscode.commands.executeCommand(add.command.command, ...(add.command.arguments ?? [])), true);
    assert.equal(editor.document.getText(), '---\ntitle: "Keep: this"   # comment\nbibliography: ../sources.json\n---\n\nText [@borodyna2025, para. 4].\n');
    const items = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('sources.json'))));
    const seed = items.find((i: { id: string }) => i.id === 'borodyna2025');
    assert.equal(seed?.type, 'article-magazine');
    assert.deepEqual(seed?.author, [{ family: 'Borodyna', given: 'Olena' }]);
  });

  it('renders with pandoc in the Node host, and explains the desktop need in the web host', async () => {
    const editor = await openInEditor(sampleMemo);
    const result = await vscode.commands.executeCommand<vscode.Uri | undefined>('claimdesk.renderMemo', editor.document.uri);
    if (api.platform === 'web') {
      assert.equal(result, undefined);
      return;
    }
    assert.ok(result, 'renderMemo returned no output file (is pandoc installed?)');
    const stat = await vscode.workspace.fs.stat(result);
    assert.ok(stat.size > 1000, `the .docx is only ${stat.size} bytes`);
  });
});
