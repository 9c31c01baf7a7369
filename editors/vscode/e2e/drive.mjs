// The browser half of .ci/vscode-test: drives a running code-server (the real VS Code
// workbench, with the vnea extension installed from its .vsix) in headless Chromium and checks
// what an architect sees. One line per check, with the time since the start; the first failed
// check ends the run (exit 1) after a screenshot.
//
// Environment (all set by .ci/vscode-test):
//   VSCODE_URL     the workbench, e.g. http://127.0.0.1:41234/?folder=/tmp/x/tinh_mau
//   CHROMIUM       the browser executable
//   USER_SETTINGS  the user settings.json of code-server (one check edits it in the workbench)
//   SCREENSHOTS    directory for vscode-test-diagnostic.png (the typo's squiggle and Problems
//                  entry), vscode-test.png (the final state) or vscode-test-failure.png
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const { VSCODE_URL, CHROMIUM, SCREENSHOTS, USER_SETTINGS } = process.env;
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
let checks = 0;

/** A check: `body` waits for its condition (each wait has its own timeout) and returns a detail. */
async function check(name, body) {
  const detail = await body();
  checks += 1;
  console.log(`ok   ${name}${detail ? ` (${detail})` : ''} [${elapsed()}]`);
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  // As root, without a GPU, in a network that reaches only the package registries.
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
page.setDefaultTimeout(20_000);

// The editor's parts, by what they are rather than by position.
const statusLanguage = page.locator('#status\\.editor\\.mode');
const statusPosition = page.locator('#status\\.editor\\.selection');
const activeTab = page.locator('.tabs-container .tab.active');
const editorText = page.locator('.editor-instance .monaco-editor .view-lines').first();

/** Ctrl+G `line:column`, as a user moves the cursor. */
async function goTo(line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
  await waitForText(statusPosition, new RegExp(`^Ln ${line}, Col ${column}$`));
}

/** Waits until the element's text matches; the timeout error names the text it had. */
async function waitForText(locator, pattern, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  let text = '';
  while (Date.now() < deadline) {
    text = (await locator.first().innerText({ timeout: 1000 }).catch(() => '')).trim();
    if (pattern.test(text)) {
      return text;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`expected ${pattern}, the text is ${JSON.stringify(text)}`);
}

/** Waits until no line on screen matches `pattern` (the editor renders spaces as U+00A0: use \s). */
async function waitForNoLine(pattern) {
  await page.waitForFunction(
    (source) => ![...document.querySelectorAll('.editor-instance .view-line')].some((l) => new RegExp(source).test(l.textContent)),
    pattern.source,
  );
}

/** Brings an open editor to the front by its tab. */
async function showTab(name) {
  await page.locator('.tabs-container .tab', { hasText: name }).first().click();
  await waitForTab(name);
}

/** Waits until the active tab is the file `name` (its label shows name and extension apart). */
async function waitForTab(name) {
  const [stem, extension] = name.split('.');
  await waitForText(activeTab, new RegExp(`^${stem}\\s*\\.${extension}`));
}

/**
 * Types `value` into the vnea.server.path box of the Settings editor, as a user would. The
 * setting is machine-scoped (a path on the machine that runs the server): in code-server, a
 * remote window, it is set in the Remote tab; the User tab does not list it.
 */
async function setServerPath(value) {
  await runCommand('Preferences: Open User Settings');
  await page.locator('.settings-editor .settings-tabs-widget .action-label', { hasText: 'Remote' }).click();
  await page.locator('.settings-editor .suggest-input-container').click();
  await page.keyboard.type('vnea.server.path');
  const setting = page.locator('.settings-editor .setting-item-contents', { hasText: 'binary that runs the language server' });
  await setting.locator('input').fill(value);
  // Written (after a short debounce) when the item shows it is set, or no longer set.
  await page
    .locator('.settings-editor .setting-item-contents.is-configured', { hasText: 'binary that runs the language server' })
    .waitFor({ state: value === '' ? 'detached' : 'attached' });
  await page.keyboard.press('Control+W');
  await setting.waitFor({ state: 'detached' });
}

/** F1, then the command by its title. */
async function runCommand(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await page.keyboard.type(title);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

let failed = false;
try {
  await check('workbench loaded', async () => {
    await page.goto(VSCODE_URL);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  });

  await check('ung_dung.vnea opened from the Explorer, language mode "vnea"', async () => {
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'ung_dung.vnea' });
    await row.waitFor({ timeout: 30_000 });
    await row.dblclick();
    await waitForTab('ung_dung.vnea');
    await editorText.waitFor();
    return `status bar: ${await waitForText(statusLanguage, /^vnea$/)}`;
  });

  await check('the bundled server runs (vnea: Show Server Output)', async () => {
    await runCommand('vnea: Show Server Output');
    const log = page.locator('.panel .output-view, .panel [id="workbench.panel.output"]').first();
    // `[vnea] <command> lsp (<origin>)`; the output view wraps long lines anywhere, so the
    // match ignores white space.
    const text = await waitForText(log, /\(bundled\)/);
    const command = text.replace(/\s+/g, '').match(/\[vnea\](\S*?\/extensions\/vnea\.vnea-[^/]+\/server\/vnea)lsp\(bundled\)/);
    if (!command) {
      throw new Error(`the server did not start from the extension: ${JSON.stringify(text)}`);
    }
    return command[1];
  });

  await check('TextMate grammar source.vnea colours the text', async () => {
    // Inspect Editor Tokens names the grammar's scopes of the token at the cursor: the
    // declaration kind `application` on line 5.
    await editorText.click();
    await goTo(5, 3);
    await runCommand('Developer: Inspect Editor Tokens and Scopes');
    const widget = page.locator('.token-inspect-widget');
    // Its text: `textmate scopes <the token's scope>` then the enclosing ones, up to source.vnea.
    const text = await waitForText(widget, /textmate scopes[\s\S]*source\.vnea/);
    const scope = text.match(/textmate scopes\s+(\S+)/)?.[1];
    if (!scope || scope === 'source.vnea') {
      throw new Error(`"application" has no scope of its own: ${JSON.stringify(text)}`);
    }
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden' });
    const colours = await page.evaluate(() => {
      const classes = new Set();
      for (const span of document.querySelectorAll('.editor-instance .view-line span span')) {
        classes.add(span.className);
      }
      return classes.size;
    });
    if (colours < 4) {
      throw new Error(`only ${colours} token colours on screen`);
    }
    return `"application" is ${scope}; ${colours} token colours on screen`;
  });

  // Line 6: `  arm: ARM.phuc_vu_nguoi_dan`.
  // Messages are in VS Code's display language (the default of vnea.language), English here.
  await check('a misspelt ARM node is an error, in the Problems panel', async () => {
    await goTo(6, 29);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('n');
    await page.keyboard.press('Escape'); // the completion list the typing opened
    await page.locator('.editor-instance .squiggly-error').first().waitFor();
    await page.keyboard.press('Control+Shift+M');
    const entry = page.locator('.markers-panel .monaco-list-row', { hasText: 'phuc_vu_nguoi_dn' });
    const text = await waitForText(entry, /`ARM` has no member `phuc_vu_nguoi_dn`; did you mean `phuc_vu_nguoi_dan`\?/);
    await page.screenshot({ path: join(SCREENSHOTS, 'vscode-test-diagnostic.png') });
    return text.split('\n')[0];
  });

  await check('undoing the typo clears the error', async () => {
    await editorText.click();
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Z');
    await waitForNoLine(/ARM\.phuc_vu_nguoi_dn/);
    await page.locator('.editor-instance .squiggly-error').first().waitFor({ state: 'detached' });
  });

  await check('hover on ARM.phuc_vu_nguoi_dan shows the node title from the 2.0 pack', async () => {
    await goTo(6, 14);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I'); // Show Hover
    const hover = page.locator('.monaco-hover:visible');
    const text = await waitForText(hover, /HTTT phục vụ người dân, doanh nghiệp/);
    await page.keyboard.press('Escape');
    return JSON.stringify(text.split('\n')[0]);
  });

  await check('completion after "arm: ARM." lists ARM nodes', async () => {
    await goTo(6, 11);
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Delete');
    await page.keyboard.type('.');
    const widget = page.locator('.suggest-widget.visible');
    await waitForText(widget, /noi_bo|dung_chung|chuyen_nganh/);
    const labels = await widget.locator('.monaco-list-row .label-name').allInnerTexts();
    const expected = ['noi_bo', 'phuc_vu_nguoi_dan', 'dung_chung', 'chuyen_nganh'];
    const missing = expected.filter((name) => !labels.includes(name));
    if (missing.length > 0) {
      throw new Error(`missing ${missing.join(', ')} in ${labels.join(', ')}`);
    }
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden' });
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Z');
    await waitForNoLine(/ARM\.$/);
    return `${labels.length} shown, among them ${expected.join(', ')}`;
  });

  await check('F12 on csdl_tthc jumps to its declaration in du_lieu.vnea', async () => {
    await goTo(11, 16); // `  databases: [csdl_tthc]`
    await page.keyboard.press('F12');
    await waitForTab('du_lieu.vnea');
    return `at ${await waitForText(statusPosition, /^Ln 5, Col 10$/)}`; // `database csdl_tthc`
  });

  await check('F12 on ARM.phuc_vu_nguoi_dan opens the framework pack file', async () => {
    await showTab('ung_dung.vnea');
    await goTo(6, 14);
    await page.keyboard.press('F12');
    await waitForTab('arm.vnea');
    return `at ${await waitForText(statusPosition, /^Ln 15, Col 12$/)}`; // `  category phuc_vu_nguoi_dan`
  });

  await check('double-click selects the Vietnamese name phân_hệ_một_cửa whole', async () => {
    await showTab('ung_dung.vnea');
    const word = page.locator('.editor-instance .view-line span span', { hasText: 'phân_hệ_một_cửa' }).first();
    const box = await word.boundingBox();
    await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
    return await waitForText(statusPosition, /^Ln 15, Col \d+ \(15 selected\)$/);
  });

  await check('vnea.server.path set to no file in the Settings editor: an error naming the path', async () => {
    await setServerPath('/khong/co/vnea');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'vnea.server.path' });
    const message = /The setting vnea\.server\.path is "\/khong\/co\/vnea", but no executable file is there \(tried: \/khong\/co\/vnea\)\./;
    const text = await waitForText(toast, message);
    await runCommand('Notifications: Clear All Notifications');
    return text.match(message)[0];
  });

  await check('vnea.server.path emptied: the bundled server starts again', async () => {
    await setServerPath('');
    await runCommand('vnea: Show Server Output');
    const log = page.locator('.panel .output-view, .panel [id="workbench.panel.output"]').first();
    await waitForText(log, /\(bundled\)[\s\S]*\/khong\/co\/vnea[\s\S]*\(bundled\)/);
  });

  await check('vnea: Restart Language Server starts it once more', async () => {
    await runCommand('vnea: Restart Language Server');
    const log = page.locator('.panel .output-view, .panel [id="workbench.panel.output"]').first();
    await waitForText(log, /\/khong\/co\/vnea[\s\S]*\(bundled\)[\s\S]*\(bundled\)/);
  });

  await check('vnea.language "workspace" in settings.json: the messages of vnea.toml (Vietnamese)', async () => {
    // As a user edits settings.json: the extension restarts the server without a locale, and
    // the Problems panel fills again in Vietnamese.
    const settings = JSON.parse(readFileSync(USER_SETTINGS, 'utf8'));
    await runCommand('Preferences: Open User Settings (JSON)');
    // VS Code 1.139 opens it in a modal editor over the workbench, not in a tab.
    const settingsEditor = page.locator('.monaco-editor', { hasText: 'security.workspace.trust.enabled' }).last();
    await settingsEditor.locator('.view-lines').click();
    await page.keyboard.press('Control+A');
    // Inserted as one piece of text, so no bracket or quote is auto-closed.
    await page.keyboard.insertText(JSON.stringify({ ...settings, 'vnea.language': 'workspace' }, null, 2));
    await page.keyboard.press('Control+S');
    await page.keyboard.press('Control+W');
    await settingsEditor.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Shift+M');
    const entry = page.locator('.markers-panel .monaco-list-row', { hasText: 'superseded-framework' });
    return (await waitForText(entry, /khung kiến trúc 2\.0 \(QĐ 2323\/QĐ-BTTTT\) đã được thay/)).split('\n')[0];
  });

  await check('an unknown key typed into vnea.toml is reported on it', async () => {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'vnea.toml' }).dblclick();
    await waitForTab('vnea.toml');
    await editorText.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('ngon_ngu = "vi"');
    const entry = page.locator('.markers-panel .monaco-list-row', { hasText: 'ngon_ngu' });
    return (await waitForText(entry, /khóa `ngon_ngu` không được hỗ trợ trong `\[workspace\]`/)).split('\n')[0];
  });

  await page.screenshot({ path: join(SCREENSHOTS, 'vscode-test.png') });
} catch (error) {
  failed = true;
  console.log(`FAIL ${error.message.split('\n')[0]} [${elapsed()}]`);
  await page.screenshot({ path: join(SCREENSHOTS, 'vscode-test-failure.png') }).catch(() => undefined);
} finally {
  await browser.close();
}
console.log(`${failed ? 'FAILED after' : 'passed'} ${checks} checks in ${elapsed()}`);
process.exit(failed ? 1 : 0);
