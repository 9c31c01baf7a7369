// The regular expressions of language-configuration.json, compiled the way VS Code 1.139
// compiles them (`new RegExp(pattern, flags)`, then a global copy for word search), on vnea text.
// Run with `npm test`.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import configuration from '../language-configuration.json';

const wordPattern = new RegExp(configuration.wordPattern.pattern, `${configuration.wordPattern.flags}g`);
const words = (line: string) => line.match(wordPattern) ?? [];

test('a Vietnamese name is one word, precomposed (NFC) or decomposed (NFD)', () => {
  for (const name of ['phân_hệ_một_cửa', 'csdl_đất_đai', 'kho_dữ_liệu_dùng_chung', 'Ủy_ban']) {
    assert.deepEqual(words(`  application ${name} "Tiêu đề" {`), ['application', name, 'Tiêu', 'đề']);
    const decomposed = name.normalize('NFD');
    assert.notEqual(decomposed, name);
    assert.deepEqual(words(`databases: [${decomposed}]`), ['databases', decomposed]);
  }
});

test('path segments, numbers and ranges', () => {
  assert.deepEqual(words('arm: ARM.phuc_vu_nguoi_dan'), ['arm', 'ARM', 'phuc_vu_nguoi_dan']);
  assert.deepEqual(words('framework: "2.0" period: 2021..2025 _x9'), ['framework', '2.0', 'period', '2021', '2025', '_x9']);
  assert.deepEqual(words('a->b 🏛️ x'), ['a', 'b', 'x']);
});

test('indentation: in after a line ending in { or [, out at } or ]', () => {
  const increase = new RegExp(configuration.indentationRules.increaseIndentPattern);
  const decrease = new RegExp(configuration.indentationRules.decreaseIndentPattern);
  for (const line of ['application a "Tiêu đề" {', '  channels: [', 'a -> b { // ghi chú', 'extend BRM {  ']) {
    assert.ok(increase.test(line), line);
  }
  for (const line of ['// ví dụ {', '  arm: ARM.noi_bo', '  channels: [a, b]', 'application a {}']) {
    assert.ok(!increase.test(line), line);
  }
  for (const line of ['}', '  ]', '  },']) {
    assert.ok(decrease.test(line), line);
  }
  assert.ok(!decrease.test('  arm: ARM.noi_bo'));
});

test('Enter in a /// doc comment continues it, not in // or ////', () => {
  const [docComment] = configuration.onEnterRules;
  const before = new RegExp(docComment.beforeText);
  assert.equal(docComment.action.appendText, '/// ');
  assert.ok(before.test('  /// Hệ thống thông tin'));
  assert.ok(!before.test('  // ghi chú'));
  assert.ok(!before.test('//// gạch ngang'));
});
