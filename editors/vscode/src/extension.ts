// The vnea extension: starts `vnea lsp` as the language server of `.vnea` files (and of
// `vnea.toml`, whose diagnostics and fixes the server gives too), restarts it on command or
// when `vnea.server.path` or `vnea.language` changes. Syntax colouring, brackets and comments are declarative
// (package.json, language-configuration.json, syntaxes/).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, StaticFeature } from 'vscode-languageclient/node';
import { initializeLocale } from './messageLanguage';
import { NotFound, resolveServer } from './serverPath';

/** The client id: vscode-languageclient reads the trace level from `vnea.trace.server`. */
const CLIENT_ID = 'vnea';
const SERVER_PATH_SETTING = 'vnea.server.path';
const LANGUAGE_SETTING = 'vnea.language';

let client: LanguageClient | undefined;
/** One channel for the whole session, so the log of a restarted server follows the old one. */
let output: vscode.OutputChannel;
/** Starts and stops run one after the other: a restart never overlaps a start. */
let lifecycle: Promise<void> = Promise.resolve();

export function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('vnea');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('vnea.restartServer', () => restart(context)),
    vscode.commands.registerCommand('vnea.showOutput', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SERVER_PATH_SETTING) || event.affectsConfiguration(LANGUAGE_SETTING)) {
        void restart(context);
      }
    }),
  );
  return queue(() => start(context));
}

export function deactivate(): Promise<void> {
  return queue(stop);
}

function queue(step: () => Promise<void>): Promise<void> {
  lifecycle = lifecycle.then(step, step);
  return lifecycle;
}

function restart(context: vscode.ExtensionContext): Promise<void> {
  return queue(async () => {
    await stop();
    await start(context);
  });
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const resolution = resolveServer({
    setting: vscode.workspace.getConfiguration().get<string>(SERVER_PATH_SETTING, ''),
    extensionPath: context.extensionPath,
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    homeDir: os.homedir(),
    pathEnv: process.env.PATH,
    isExecutableFile,
  });
  if (!resolution.found) {
    reportError(notFoundMessage(resolution.reason));
    return;
  }
  output.appendLine(`[vnea] ${resolution.command} lsp (${resolution.origin})`);
  // No `transport`: standard input and output, the server's only transport, is the default.
  const serverOptions: ServerOptions = { command: resolution.command, args: ['lsp'] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'vnea' },
      { scheme: 'file', pattern: '**/vnea.toml' },
    ],
    outputChannel: output,
  };
  const starting = new LanguageClient(CLIENT_ID, 'vnea', serverOptions, clientOptions);
  starting.registerFeature(messageLocale);
  try {
    await starting.start();
    client = starting;
  } catch (error) {
    await starting.dispose().catch(() => undefined);
    reportError(vscode.l10n.t('The vnea language server ({0}) did not start: {1}', resolution.command, String(error)));
  }
}

/** Sends the locale that the `vnea.language` setting asks for (src/messageLanguage.ts). */
const messageLocale: StaticFeature = {
  fillInitializeParams: (params) => {
    const setting = vscode.workspace.getConfiguration().get<string>(LANGUAGE_SETTING);
    const locale = initializeLocale(setting, vscode.env.language);
    if (locale === undefined) {
      delete params.locale;
    } else {
      params.locale = locale;
    }
  },
  fillClientCapabilities: () => undefined,
  initialize: () => undefined,
  getState: () => ({ kind: 'static' }),
  clear: () => undefined,
};

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.dispose();
}

function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function notFoundMessage(reason: NotFound): string {
  switch (reason.kind) {
    case 'setting-not-executable':
      return vscode.l10n.t(
        'The setting {0} is "{1}", but no executable file is there (tried: {2}).',
        SERVER_PATH_SETTING,
        reason.setting,
        reason.tried.join(', ') || vscode.l10n.t('PATH is empty'),
      );
    case 'setting-relative-without-folder':
      return vscode.l10n.t(
        'The setting {0} is the relative path "{1}", but no folder is open to resolve it against.',
        SERVER_PATH_SETTING,
        reason.setting,
      );
    case 'nothing-installed':
      return vscode.l10n.t(
        'No vnea language server found (tried: {0}). Install vnea or set {1}.',
        reason.tried.join(', '),
        SERVER_PATH_SETTING,
      );
  }
}

function reportError(message: string): void {
  output.appendLine(`[vnea] ${message}`);
  const openSettings = vscode.l10n.t('Open Settings');
  const showOutput = vscode.l10n.t('Show Output');
  void vscode.window.showErrorMessage(message, openSettings, showOutput).then((choice) => {
    if (choice === openSettings) {
      void vscode.commands.executeCommand('workbench.action.openSettings', SERVER_PATH_SETTING);
    } else if (choice === showOutput) {
      output.show(true);
    }
  });
}
