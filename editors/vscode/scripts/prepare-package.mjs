// Puts into the extension folder what the .vsix ships but git keeps elsewhere (all git-ignored
// here, so there is one hand-edited copy of each):
//   syntaxes/vnea.tmLanguage.json  from grammar/vnea.tmLanguage.json
//   LICENSE                        LICENSE-MIT and LICENSE-APACHE of the repository root, in
//                                  the one file vsce and the Marketplace look for
//   server/vnea                    `cargo build --release -p vnea-cli`, stripped (the release
//                                  profile keeps line tables: 70 MB unstripped, 8 MB stripped)
// VNEA_BINARY=path/to/vnea skips the cargo build and bundles that binary instead (stripped too).
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const extensionDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(extensionDir, '..', '..');

function copy(from, to) {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  console.log(`${to.slice(extensionDir.length + 1)} <- ${from}`);
}

copy(join(repoRoot, 'grammar', 'vnea.tmLanguage.json'), join(extensionDir, 'syntaxes', 'vnea.tmLanguage.json'));
const licenses = ['LICENSE-MIT', 'LICENSE-APACHE'].map((name) => readFileSync(join(repoRoot, name), 'utf8'));
writeFileSync(
  join(extensionDir, 'LICENSE'),
  ['vnea is licensed under either of the MIT license or the Apache License 2.0, at your option.', ...licenses].join('\n\n'),
);
console.log('LICENSE <- LICENSE-MIT + LICENSE-APACHE');

let binary = process.env.VNEA_BINARY;
if (binary) {
  // Relative to where `npm run` was typed (npm's INIT_CWD), not to this package.
  binary = resolve(process.env.INIT_CWD ?? process.cwd(), binary);
} else {
  console.log('cargo build --release -p vnea-cli');
  // cargo's own report names the executable, wherever CARGO_TARGET_DIR puts it.
  const messages = execFileSync(
    'cargo',
    ['build', '--release', '-p', 'vnea-cli', '--message-format=json-render-diagnostics'],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  binary = messages
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line))
    .filter((m) => m.reason === 'compiler-artifact' && m.target.name === 'vnea' && m.executable)
    .map((m) => m.executable)
    .pop();
  if (!binary) {
    throw new Error('cargo build --release -p vnea-cli reported no `vnea` executable');
  }
}
const bundled = join(extensionDir, 'server', 'vnea');
mkdirSync(dirname(bundled), { recursive: true });
execFileSync('strip', ['--strip-all', '-o', bundled, binary], { stdio: 'inherit' });
chmodSync(bundled, 0o755);
console.log(`server/vnea <- ${binary} (stripped)`);
