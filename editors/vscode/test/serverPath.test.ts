// Unit tests of the server resolution (src/serverPath.ts) on a fake file system.
// Run with `npm test` (esbuild bundles this file, then `node --test` runs it).
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { ServerLookup, resolveServer } from '../src/serverPath';

const EXTENSION = '/ext/vnea-0.1.0-linux-x64';
const BUNDLED = `${EXTENSION}/server/vnea`;

function lookup(executables: string[], overrides: Partial<ServerLookup> = {}): ServerLookup {
  return {
    setting: '',
    extensionPath: EXTENSION,
    workspaceFolder: '/home/kts/tinh',
    homeDir: '/home/kts',
    pathEnv: '/usr/local/bin:/usr/bin',
    isExecutableFile: (file) => executables.includes(file),
    ...overrides,
  };
}

test('without a setting, the bundled binary wins over PATH', () => {
  assert.deepEqual(resolveServer(lookup([BUNDLED, '/usr/bin/vnea'])), {
    found: true,
    command: BUNDLED,
    origin: 'bundled',
  });
});

test('without a setting or a bundled binary, the first vnea on PATH', () => {
  assert.deepEqual(resolveServer(lookup(['/usr/bin/vnea'])), { found: true, command: '/usr/bin/vnea', origin: 'path' });
});

test('empty and relative PATH entries are skipped', () => {
  const result = resolveServer(lookup(['vnea', 'bin/vnea', '/opt/vnea/bin/vnea'], { pathEnv: ':.:bin:/opt/vnea/bin' }));
  assert.deepEqual(result, { found: true, command: '/opt/vnea/bin/vnea', origin: 'path' });
});

test('nothing found: every place tried is named', () => {
  assert.deepEqual(resolveServer(lookup([])), {
    found: false,
    reason: { kind: 'nothing-installed', tried: [BUNDLED, '/usr/local/bin/vnea', '/usr/bin/vnea'] },
  });
});

test('an absolute setting is used as is, over the bundled binary', () => {
  assert.deepEqual(resolveServer(lookup([BUNDLED, '/opt/vnea'], { setting: ' /opt/vnea ' })), {
    found: true,
    command: '/opt/vnea',
    origin: 'setting',
  });
});

test('~ in the setting is the home directory', () => {
  const result = resolveServer(lookup(['/home/kts/.cargo/bin/vnea'], { setting: '~/.cargo/bin/vnea' }));
  assert.deepEqual(result, { found: true, command: '/home/kts/.cargo/bin/vnea', origin: 'setting' });
});

test('a relative setting is relative to the first workspace folder', () => {
  const result = resolveServer(lookup(['/home/kts/tinh/target/debug/vnea'], { setting: 'target/debug/vnea' }));
  assert.deepEqual(result, { found: true, command: '/home/kts/tinh/target/debug/vnea', origin: 'setting' });
});

test('a relative setting without a folder is an error', () => {
  assert.deepEqual(resolveServer(lookup([BUNDLED], { setting: './vnea', workspaceFolder: undefined })), {
    found: false,
    reason: { kind: 'setting-relative-without-folder', setting: './vnea' },
  });
});

test('a bare name in the setting is looked up on PATH', () => {
  const result = resolveServer(lookup(['/usr/bin/vnea-dev'], { setting: 'vnea-dev' }));
  assert.deepEqual(result, { found: true, command: '/usr/bin/vnea-dev', origin: 'setting' });
});

test('a setting naming nothing is an error, even with a bundled binary', () => {
  assert.deepEqual(resolveServer(lookup([BUNDLED], { setting: '/opt/missing' })), {
    found: false,
    reason: { kind: 'setting-not-executable', setting: '/opt/missing', tried: ['/opt/missing'] },
  });
  assert.deepEqual(resolveServer(lookup([BUNDLED], { setting: 'vnea-dev' })), {
    found: false,
    reason: { kind: 'setting-not-executable', setting: 'vnea-dev', tried: ['/usr/local/bin/vnea-dev', '/usr/bin/vnea-dev'] },
  });
});
