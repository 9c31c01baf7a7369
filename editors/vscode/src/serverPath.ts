// Which `vnea` binary the extension starts as the language server. Pure: the file system and
// the environment come in as arguments, so test/serverPath.test.ts checks every rule without
// VS Code.
//
// 1. The `vnea.server.path` setting, when not empty. `~` stands for the home directory; a
//    relative path with a directory part (`target/debug/vnea`) is relative to the first
//    workspace folder; a bare name (`vnea-dev`) is looked up on PATH. A setting that names no
//    executable file is an error: the user asked for that binary, so no other one is started.
// 2. The binary bundled in the extension, `<extension>/server/vnea`.
// 3. `vnea` on PATH.
import * as path from 'node:path';

export interface ServerLookup {
  /** The `vnea.server.path` setting. */
  setting: string;
  /** The extension's installation directory. */
  extensionPath: string;
  /** The first workspace folder, if any: the base of a relative setting. */
  workspaceFolder: string | undefined;
  homeDir: string;
  /** The PATH environment variable. */
  pathEnv: string | undefined;
  isExecutableFile(file: string): boolean;
}

export type ServerResolution =
  | { found: true; command: string; origin: 'setting' | 'bundled' | 'path' }
  | { found: false; reason: NotFound };

/** Why no binary was found, with every place that was tried (for the error message). */
export type NotFound =
  | { kind: 'setting-not-executable'; setting: string; tried: string[] }
  | { kind: 'setting-relative-without-folder'; setting: string }
  | { kind: 'nothing-installed'; tried: string[] };

export const SERVER_NAME = 'vnea';

export function bundledServer(extensionPath: string): string {
  return path.join(extensionPath, 'server', SERVER_NAME);
}

export function resolveServer(lookup: ServerLookup): ServerResolution {
  const setting = lookup.setting.trim();
  if (setting !== '') {
    return fromSetting(setting, lookup);
  }
  const bundled = bundledServer(lookup.extensionPath);
  if (lookup.isExecutableFile(bundled)) {
    return { found: true, command: bundled, origin: 'bundled' };
  }
  const onPath = searchPath(SERVER_NAME, lookup);
  if (onPath.found !== undefined) {
    return { found: true, command: onPath.found, origin: 'path' };
  }
  return { found: false, reason: { kind: 'nothing-installed', tried: [bundled, ...onPath.tried] } };
}

function fromSetting(setting: string, lookup: ServerLookup): ServerResolution {
  let file: string;
  if (setting === '~' || setting.startsWith('~/')) {
    file = path.join(lookup.homeDir, setting.slice(1));
  } else if (path.isAbsolute(setting)) {
    file = setting;
  } else if (!setting.includes('/')) {
    const onPath = searchPath(setting, lookup);
    return onPath.found !== undefined
      ? { found: true, command: onPath.found, origin: 'setting' }
      : { found: false, reason: { kind: 'setting-not-executable', setting, tried: onPath.tried } };
  } else if (lookup.workspaceFolder === undefined) {
    return { found: false, reason: { kind: 'setting-relative-without-folder', setting } };
  } else {
    file = path.join(lookup.workspaceFolder, setting);
  }
  return lookup.isExecutableFile(file)
    ? { found: true, command: file, origin: 'setting' }
    : { found: false, reason: { kind: 'setting-not-executable', setting, tried: [file] } };
}

/** The first executable `name` in the PATH directories, and every file tried. */
function searchPath(name: string, lookup: ServerLookup): { found?: string; tried: string[] } {
  const tried: string[] = [];
  // An empty PATH entry means the current directory, which is the editor's, not the user's:
  // skipped, as a binary planted in an opened folder must not start by itself.
  for (const dir of (lookup.pathEnv ?? '').split(path.delimiter)) {
    if (dir === '' || !path.isAbsolute(dir)) {
      continue;
    }
    const file = path.join(dir, name);
    tried.push(file);
    if (lookup.isExecutableFile(file)) {
      return { found: file, tried };
    }
  }
  return { tried };
}
