#!/usr/bin/env node
// Runs the TextMate grammar over the repository's real .vnea files, line by line as VS Code does,
// and checks where it reports errors (scopes `invalid.*`):
//  - valid files (tests/fixtures/syntax/ok, examples, the framework packs): nowhere;
//  - tests/fixtures/syntax/err: exactly on the lines of the lexical errors those fixtures were
//    written for (listed below), and nowhere in the fixtures whose errors are syntactic.
// Uses the vscode-textmate and vscode-oniguruma that vscode-tmgrammar-test itself runs on.
// Run from anywhere: `node grammar/tests/textmate/check-files.js` (after `npm ci` in grammar/).
'use strict';
const fs = require('fs');
const path = require('path');

const grammarDir = path.resolve(__dirname, '../..');
const repo = path.resolve(grammarDir, '..');
const toolDir = path.dirname(require.resolve('vscode-tmgrammar-test/package.json', { paths: [grammarDir] }));
const fromTool = (name) => require(require.resolve(name, { paths: [toolDir] }));
const textmate = fromTool('vscode-textmate');
const oniguruma = fromTool('vscode-oniguruma');

// Lines (1-based) of the lexical errors in tests/fixtures/syntax/err, from each file's
// `// expect:` line. 05 (text block) and 06 (block comment) are unterminated at the end of the
// file: a line-based grammar cannot know that, so they are expected to show nothing.
const lexicalErrorLines = {
  '01_illegal_at_dollar.vnea': [3, 5],
  '02_illegal_nbsp.vnea': [3],
  '03_illegal_nul.vnea': [3],
  '04_unterminated_string.vnea': [3, 6],
  '07_invalid_escape.vnea': [2, 4],
  '08_invalid_unicode_escape.vnea': [3, 4, 5, 6, 7, 8],
};

function vneaFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return vneaFiles(file);
    return entry.name.endsWith('.vnea') ? [file] : [];
  }).sort();
}

// The `invalid.*` tokens of a file as `line:column text` (1-based; columns in UTF-16 units).
function errorTokens(grammar, file) {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const found = [];
  let state = textmate.INITIAL;
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const { tokens, ruleStack } = grammar.tokenizeLine(line, state);
    state = ruleStack;
    for (const token of tokens) {
      if (token.scopes.some((scope) => scope.startsWith('invalid.'))) {
        const piece = JSON.stringify(line.slice(token.startIndex, token.endIndex));
        found.push({ line: index + 1, where: `${index + 1}:${token.startIndex + 1} ${piece}` });
      }
    }
  });
  return found;
}

async function main() {
  const onigDir = path.dirname(require.resolve('vscode-oniguruma', { paths: [toolDir] }));
  await oniguruma.loadWASM(fs.readFileSync(path.join(onigDir, 'onig.wasm')).buffer);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async () =>
      textmate.parseRawGrammar(fs.readFileSync(path.join(grammarDir, 'vnea.tmLanguage.json'), 'utf8'), 'vnea.tmLanguage.json'),
  });
  const grammar = await registry.loadGrammar('source.vnea');

  const failures = [];
  const relative = (file) => path.relative(repo, file);

  const valid = ['tests/fixtures/syntax/ok', 'examples', 'crates/vnea-packs/packs']
    .flatMap((dir) => vneaFiles(path.join(repo, dir)));
  for (const file of valid) {
    for (const { where } of errorTokens(grammar, file)) failures.push(`${relative(file)}:${where}: error scope in a valid file`);
  }

  const broken = vneaFiles(path.join(repo, 'tests/fixtures/syntax/err'));
  for (const name of Object.keys(lexicalErrorLines)) {
    if (!broken.some((file) => path.basename(file) === name)) failures.push(`tests/fixtures/syntax/err/${name}: listed here but missing`);
  }
  for (const file of broken) {
    const expected = lexicalErrorLines[path.basename(file)] || [];
    const tokens = errorTokens(grammar, file);
    const lines = [...new Set(tokens.map((token) => token.line))];
    const unexpected = tokens.filter((token) => !expected.includes(token.line)).map((token) => token.where);
    const missed = expected.filter((line) => !lines.includes(line));
    if (unexpected.length) failures.push(`${relative(file)}: error scope on a line without a lexical error: ${unexpected.join(', ')}`);
    if (missed.length) failures.push(`${relative(file)}: no error scope on the lexical error of line ${missed.join(', ')}`);
  }

  for (const failure of failures) console.error(`FAIL ${failure}`);
  console.log(failures.length
    ? `FAILED: ${failures.length} problems in ${valid.length} valid files and ${broken.length} broken fixtures`
    : `ok: no error scope in ${valid.length} valid files; error scopes on exactly the lexical errors of ${broken.length} broken fixtures`);
  process.exitCode = failures.length ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
