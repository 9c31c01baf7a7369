// Unit tests of the locale sent to the server (src/messageLanguage.ts).
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { initializeLocale } from '../src/messageLanguage';

test('by default, the display language of VS Code', () => {
  assert.equal(initializeLocale('editor', 'en'), 'en');
  assert.equal(initializeLocale('editor', 'vi'), 'vi');
  assert.equal(initializeLocale(undefined, 'zh-tw'), 'zh-tw');
});

test('workspace: no locale, so vnea.toml decides', () => {
  assert.equal(initializeLocale('workspace', 'en'), undefined);
});

test('an explicit language wins over the display language', () => {
  assert.equal(initializeLocale('vi', 'en'), 'vi');
  assert.equal(initializeLocale('en', 'vi'), 'en');
});

test('an unknown value counts as the default', () => {
  assert.equal(initializeLocale('fr', 'en'), 'en');
});
