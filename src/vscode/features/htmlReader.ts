import * as vscode from 'vscode';
import type { SourceReaders } from '../../core/source';

type HtmlReader = NonNullable<SourceReaders['html']>;

/**
 * Loads the HTML reader chunk (dist/html-reader.js, or dist/web/… in the web worker host) the first
 * time a web page is read, so that workspaces without web pages never pay for a DOM and Readability.
 * The chunk is a CommonJS file without dependencies, evaluated as VS Code evaluates extensions.
 */
export function htmlReaderLoader(extensionUri: vscode.Uri, platform: 'node' | 'web'): () => Promise<HtmlReader | undefined> {
  let loading: Promise<HtmlReader | undefined> | undefined;
  return () =>
    (loading ??= (async () => {
      const chunk = vscode.Uri.joinPath(extensionUri, platform === 'web' ? 'dist/web/html-reader.js' : 'dist/html-reader.js');
      try {
        // Extensions in the web worker host are served over HTTP, which the workspace file system does not read.
        const code = /^https?$/.test(chunk.scheme) ? await (await fetch(chunk.toString(true))).text() : new TextDecoder().decode(await vscode.workspace.fs.readFile(chunk));
        const module: { exports: { readHtmlArticle?: HtmlReader } } = { exports: {} };
        new Function('module', 'exports', code)(module, module.exports);
        return module.exports.readHtmlArticle;
      } catch (e) {
        console.error(`Claimdesk: the HTML reader could not be loaded from ${chunk.toString(true)}`, e);
        loading = undefined;
        return undefined;
      }
    })());
}
