-- End-to-end test of `vnea lsp` with a real editor: Neovim 0.11, headless, no plugins, no config,
-- as the LSP client. Run by .ci/neovim-test:
--
--   VNEA=target/debug/vnea VNEA_WORKSPACE=<copy of fixture/> \
--     timeout 120 nvim --headless -u NONE -i NONE -l editors/neovim/test/test.lua
--
-- The fixture has exactly one finding: `arm: ARM.dung_chug` on line 2 of ung_dung.vnea, after
-- Vietnamese text and an emoji (so byte, UTF-16 and UTF-32 columns all differ). Prints one line
-- per check; exits with `cquit` (status 1) at the first failure, `qall!` when all pass.

local uv = vim.uv
local started = uv.hrtime()
local vnea = assert(vim.env.VNEA, 'VNEA: the path of the vnea binary')
-- Unset: Neovim's own offer (utf-8, utf-16, utf-32; the server takes UTF-8). `utf-16`: the
-- only encoding offered, as most other clients (VS Code) do.
local encoding = vim.env.VNEA_POSITION_ENCODING
local workspace = assert(vim.env.VNEA_WORKSPACE, 'VNEA_WORKSPACE: a copy of the fixture')
local cache = vim.env.XDG_CACHE_HOME or (vim.env.HOME .. '/.cache')
local SLOW = 30000 -- first diagnostics: debug build, whole workspace load, packs written to cache
local WAIT = 15000 -- anything else (generous: CI machines are busy; success takes milliseconds)

local function out(line)
  io.stdout:write(line, '\n')
end

local function fail(name, message)
  out(('FAIL %s: %s'):format(name, message))
  vim.cmd('cquit 1')
end

--- Runs `fn` as one check: it returns a detail for the report, or `skip(reason)`, or raises.
--- Stops at the first failure.
local function check(name, fn)
  local t0 = uv.hrtime()
  local ok, detail = xpcall(fn, debug.traceback)
  if not ok then
    fail(name, detail)
  end
  local skipped = type(detail) == 'table' and detail.skipped
  out(('%-4s %-24s %6.0f ms  %s'):format(skipped and 'skip' or 'ok', name, (uv.hrtime() - t0) / 1e6, skipped or detail or ''))
end

local function skip(reason)
  return { skipped = reason }
end

local exit_code -- of `vnea lsp`, once it has exited

--- Waits for `cond`; fails after `ms`, or at once if the server exits meanwhile.
local function wait_for(ms, what, cond)
  local met = vim.wait(ms, function()
    return cond() or exit_code ~= nil
  end, 10)
  if not cond() then
    if met then
      error(('vnea lsp exited (code %s) while waiting for %s'):format(exit_code, what), 2)
    end
    error(('timed out after %d ms waiting for %s'):format(ms, what), 2)
  end
end

local function expect(cond, message, ...)
  if not cond then
    error(message:format(...), 2)
  end
end

-- The filetype, and the client started for it as a user's config would.
vim.filetype.add({ extension = { vnea = 'vnea' } })
vim.cmd('filetype on')

local capabilities = vim.lsp.protocol.make_client_capabilities()
if encoding then
  capabilities.general.positionEncodings = { encoding }
end

local client_id
local published = {} -- uri -> version of the last publishDiagnostics (vim.NIL when it had none)
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'vnea',
  callback = function(args)
    client_id = vim.lsp.start({
      name = 'vnea',
      cmd = { vnea, 'lsp' },
      root_dir = workspace,
      capabilities = capabilities,
      on_exit = function(code)
        exit_code = code
      end,
      handlers = {
        ['textDocument/publishDiagnostics'] = function(err, result, ctx)
          published[result.uri] = result.version or vim.NIL
          return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx)
        end,
      },
    }, { bufnr = args.buf })
  end,
})

local function client()
  return assert(vim.lsp.get_client_by_id(client_id), 'the client is gone')
end

local function uri_of(buf)
  return vim.uri_from_bufnr(buf)
end

--- Waits for the server's diagnostics of `buf` for the buffer's current version.
local function wait_diagnostics(buf, ms)
  local uri = uri_of(buf)
  wait_for(ms, 'diagnostics of ' .. vim.fs.basename(uri) .. ' at version ' .. vim.lsp.util.buf_versions[buf], function()
    return published[uri] == vim.lsp.util.buf_versions[buf]
  end)
  return vim.diagnostic.get(buf)
end

--- The LSP position of byte column `col` (0-based) of line `row` (0-based) of `buf`.
local function position(buf, row, col)
  local line = vim.api.nvim_buf_get_lines(buf, row, row + 1, true)[1]
  return { line = row, character = vim.str_utfindex(line, client().offset_encoding, col, false) }
end

local function request(buf, method, params)
  local answers, err = vim.lsp.buf_request_sync(buf, method, params, WAIT)
  expect(answers, '%s: no answer (%s)', method, err)
  local answer = answers[client_id]
  expect(answer, '%s: no answer from vnea', method)
  expect(not answer.err, '%s: error %s', method, vim.inspect(answer.err))
  return answer.result
end

--- The 0-based row and byte column of the first `needle` (plain text) in `buf`.
local function find(buf, needle)
  for row, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, true)) do
    local col = line:find(needle, 1, true)
    if col then
      return row - 1, col - 1
    end
  end
  error(('%q not in buffer %d'):format(needle, buf))
end

--- The error of a request the server is expected to refuse.
local function request_error(buf, method, params)
  local answers, err = vim.lsp.buf_request_sync(buf, method, params, WAIT)
  expect(answers, '%s: no answer (%s)', method, err)
  local answer = answers[client_id]
  expect(answer, '%s: no answer from vnea', method)
  expect(answer.err, '%s: not refused, answered %s', method, vim.inspect(answer.result))
  return answer.err
end

--- The text edits of a WorkspaceEdit by file path (`changes` or `documentChanges`).
local function edits_by_path(edit)
  local by = {}
  for uri, edits in pairs(edit.changes or {}) do
    by[vim.uri_to_fname(uri)] = edits
  end
  for _, change in ipairs(edit.documentChanges or {}) do
    if change.textDocument then
      by[vim.uri_to_fname(change.textDocument.uri)] = change.edits
    end
  end
  return by
end

local function same_file(a, b)
  return vim.fs.normalize(a) == vim.fs.normalize(b)
end

local function count_paths(by)
  return vim.tbl_count(by)
end

local function describe(diagnostics)
  return vim.inspect(vim.tbl_map(function(d)
    return ('%s@%d:%d %s'):format(d.code, d.lnum, d.col, d.message)
  end, diagnostics))
end

local buf

check('open + initialize', function()
  vim.cmd.edit(vim.fn.fnameescape(workspace .. '/ung_dung.vnea'))
  buf = vim.api.nvim_get_current_buf()
  expect(vim.bo[buf].filetype == 'vnea', 'filetype %q', vim.bo[buf].filetype)
  expect(client_id, 'vim.lsp.start gave no client')
  wait_for(SLOW, 'initialize', function()
    return client().initialized and vim.lsp.buf_is_attached(buf, client_id)
  end)
  local c = client()
  local info = c.server_info or {}
  expect(c.server_capabilities.definitionProvider, 'no definitionProvider')
  expect(c.offset_encoding == (encoding or 'utf-8'), 'positions in %s, expected %s', c.offset_encoding, encoding or 'utf-8')
  return ('%s %s, positions in %s'):format(info.name or '?', info.version or '?', c.offset_encoding)
end)

local bad_row, bad_col = find(buf, 'arm: ARM.dung_chug')
bad_col = bad_col + #'arm: ARM.'

check('diagnostics', function()
  local diagnostics = wait_diagnostics(buf, SLOW)
  expect(#diagnostics == 1, 'expected one diagnostic, got %s', describe(diagnostics))
  local d = diagnostics[1]
  -- Neovim converts the server's positions (in the negotiated encoding) to byte columns.
  expect(d.code == 'unresolved-reference', 'code %q', d.code)
  expect(d.severity == vim.diagnostic.severity.ERROR, 'severity %s', d.severity)
  expect(d.source == 'vnea', 'source %q', d.source)
  expect(
    d.lnum == bad_row and d.col == bad_col and d.end_lnum == bad_row and d.end_col == bad_col + #'dung_chug',
    'range %d:%d-%d:%d, expected %d:%d-%d:%d',
    d.lnum, d.col, d.end_lnum, d.end_col, bad_row, bad_col, bad_row, bad_col + #'dung_chug'
  )
  local lsp = d.user_data.lsp
  local line = vim.api.nvim_buf_get_lines(buf, bad_row, bad_row + 1, true)[1]
  expect(
    vim.str_utfindex(line, 'utf-16', bad_col) ~= vim.str_utfindex(line, 'utf-32', bad_col)
      and vim.str_utfindex(line, 'utf-32', bad_col) ~= bad_col,
    'the fixture lost its multi-byte text before the error (columns must differ per encoding)'
  )
  local expected = position(buf, bad_row, bad_col).character
  expect(lsp.range.start.character == expected, 'LSP character %d, expected %d', lsp.range.start.character, expected)
  return ('%s at %d:%d (byte column %d, %s character %d): %s'):format(
    d.code, d.lnum + 1, d.col + 1, d.col, client().offset_encoding, lsp.range.start.character, d.message)
end)

local pack = cache .. '/vnea/packs/2.0/arm.vnea'

check('definition into pack', function()
  local row, col = find(buf, 'ARM.dung_chung')
  local result = request(buf, 'textDocument/definition', {
    textDocument = { uri = uri_of(buf) },
    position = position(buf, row, col + #'ARM.dung'),
  })
  local location = vim.islist(result) and result[1] or result
  expect(location and location.uri, 'no location: %s', vim.inspect(result))
  expect(vim.startswith(location.uri, 'file://'), 'not a file URI: %s', location.uri)
  local path = vim.uri_to_fname(location.uri)
  expect(path == pack, 'went to %s, expected %s', path, pack)
  local lines = vim.fn.readfile(path)
  local range = location.range
  local line = lines[range.start.line + 1]
  local enc = client().offset_encoding
  local target = line:sub(vim.str_byteindex(line, enc, range.start.character, false) + 1,
    vim.str_byteindex(line, enc, range['end'].character, false))
  expect(target == 'dung_chung', 'the range holds %q (line %q)', target, line)
  expect(line:find('dung_chung', 1, true), 'line %q', line)
  return ('%s:%d:%d `%s`'):format(location.uri, range.start.line + 1, range.start.character + 1, vim.trim(line))
end)

check('hover', function()
  local row, col = find(buf, 'ARM.dung_chung')
  local result = request(buf, 'textDocument/hover', {
    textDocument = { uri = uri_of(buf) },
    position = position(buf, row, col + #'ARM.dung'),
  })
  local value = result and result.contents and result.contents.value or ''
  expect(value:find('dùng chung', 1, true), 'hover %s', vim.inspect(result))
  return ('%d chars of %s'):format(#value, result.contents.kind)
end)

check('go to definition (user)', function()
  -- The user's path: cursor on a reference, vim.lsp.buf.definition(), the editor jumps.
  local row, col = find(buf, 'csdl_hồ_sơ')
  vim.api.nvim_win_set_cursor(0, { row + 1, col + #'csdl_h' })
  vim.lsp.buf.definition()
  local target = vim.fs.normalize(workspace .. '/du_lieu.vnea')
  wait_for(WAIT, 'the jump to du_lieu.vnea', function()
    return vim.api.nvim_buf_get_name(0) == target
  end)
  local cursor = vim.api.nvim_win_get_cursor(0)
  local declared = vim.api.nvim_get_current_line():find('csdl_hồ_sơ', 1, true) - 1
  expect(cursor[1] == 1 and cursor[2] == declared, 'cursor at %d:%d, expected 1:%d', cursor[1], cursor[2], declared)
  expect(vim.bo.filetype == 'vnea' and vim.lsp.buf_is_attached(0, client_id), 'vnea not attached to du_lieu.vnea')
  vim.api.nvim_set_current_buf(buf)
  return ('du_lieu.vnea:%d:%d `%s`'):format(cursor[1], cursor[2] + 1, 'csdl_hồ_sơ')
end)

local data_path = vim.fs.normalize(workspace .. '/du_lieu.vnea')
local app_path = vim.fs.normalize(workspace .. '/ung_dung.vnea')

check('references', function()
  local row, col = find(buf, 'csdl_hồ_sơ')
  local result = request(buf, 'textDocument/references', {
    textDocument = { uri = uri_of(buf) },
    position = position(buf, row, col + #'csdl_h'),
    context = { includeDeclaration = true },
  })
  expect(type(result) == 'table' and #result > 0, 'no references: %s', vim.inspect(result))
  local in_data, in_app = 0, 0
  for _, location in ipairs(result) do
    local path = vim.uri_to_fname(location.uri)
    if same_file(path, data_path) then
      in_data = in_data + 1
    elseif same_file(path, app_path) then
      in_app = in_app + 1
    end
  end
  expect(in_data == 1, 'declaration in du_lieu.vnea %d times: %s', in_data, vim.inspect(result))
  expect(in_app == 2, 'references in ung_dung.vnea %d times, expected 2: %s', in_app, vim.inspect(result))
  return ('%d locations: 1 in du_lieu.vnea (declaration), %d in ung_dung.vnea'):format(#result, in_app)
end)

check('documentHighlight', function()
  local row, col = find(buf, 'csdl_hồ_sơ')
  local result = request(buf, 'textDocument/documentHighlight', {
    textDocument = { uri = uri_of(buf) },
    position = position(buf, row, col + #'csdl_h'),
  })
  expect(type(result) == 'table' and #result == 2, 'expected 2 highlights: %s', vim.inspect(result))
  for _, h in ipairs(result) do
    expect(h.kind == nil or h.kind == 2, 'a reference highlighted as %s', vim.inspect(h.kind))
  end
  local rows = vim.tbl_map(function(h)
    return h.range.start.line + 1
  end, result)
  return ('%d highlights (Read) on lines %s'):format(#result, table.concat(rows, ', '))
end)

check('prepareRename refused', function()
  local row, col = find(buf, 'ARM.dung_chung')
  local err = request_error(buf, 'textDocument/prepareRename', {
    textDocument = { uri = uri_of(buf) },
    position = position(buf, row, col + 1),
  })
  expect(err.code == -32803, 'error code %s, expected -32803 (RequestFailed): %s', err.code, vim.inspect(err))
  expect(err.message and err.message ~= '', 'no message')
  return ('`ARM`: %d %s'):format(err.code, err.message)
end)

check('rename across files', function()
  local row, col = find(buf, 'csdl_hồ_sơ')
  local params = {
    textDocument = { uri = uri_of(buf) },
    position = position(buf, row, col + #'csdl_h'),
  }
  local prepared = request(buf, 'textDocument/prepareRename', params)
  expect(prepared and (prepared.range or prepared.start), 'prepareRename: %s', vim.inspect(prepared))
  params.newName = 'csdl_hồ_sơ_mới'
  local result = request(buf, 'textDocument/rename', params)
  expect(result, 'no WorkspaceEdit')
  local by, data_edits, app_edits = edits_by_path(result), nil, nil
  for path, edits in pairs(by) do
    if same_file(path, data_path) then
      data_edits = edits
    elseif same_file(path, app_path) then
      app_edits = edits
    end
  end
  expect(data_edits and #data_edits == 1, 'du_lieu.vnea edits: %s', vim.inspect(result))
  expect(app_edits and #app_edits == 2, 'ung_dung.vnea edits: %s', vim.inspect(result))
  for _, e in ipairs(vim.list_extend(vim.list_extend({}, data_edits), app_edits)) do
    expect(e.newText == 'csdl_hồ_sơ_mới', 'an edit inserts %q', e.newText)
  end
  -- Not applied: the buffers stay as they are.
  return ('%d files: 1 edit in du_lieu.vnea, 2 in ung_dung.vnea (not applied)'):format(count_paths(by))
end)

check('documentSymbol', function()
  local result = request(buf, 'textDocument/documentSymbol', { textDocument = { uri = uri_of(buf) } })
  expect(type(result) == 'table' and #result > 0, 'no symbols: %s', vim.inspect(result))
  expect(result[1].selectionRange and not result[1].location, 'not hierarchical: %s', vim.inspect(result[1]))
  local names, found = {}, nil
  local function walk(symbols)
    for _, s in ipairs(symbols or {}) do
      table.insert(names, s.name)
      if s.name == 'một_cửa' then
        found = s
      end
      walk(s.children)
    end
  end
  walk(result)
  expect(found, 'no một_cửa among %s', vim.inspect(names))
  expect(found.kind == vim.lsp.protocol.SymbolKind.Module, 'kind %s', found.kind)
  return ('%d symbols (nested), `một_cửa` (%s)'):format(#names, found.detail or '')
end)

check('workspace/symbol', function()
  local result = request(buf, 'workspace/symbol', { query = 'ho so' })
  expect(type(result) == 'table', 'answer %s', vim.inspect(result))
  local found
  for _, s in ipairs(result) do
    if s.name == 'csdl_hồ_sơ' then
      found = s
    end
  end
  expect(found, 'no csdl_hồ_sơ among %s', vim.inspect(vim.tbl_map(function(s)
    return s.name
  end, result)))
  expect(same_file(vim.uri_to_fname(found.location.uri), data_path), 'in %s', found.location.uri)
  return ('`ho so`: %d symbols, `csdl_hồ_sơ` in du_lieu.vnea'):format(#result)
end)

check('semanticTokens/full', function()
  local result = request(buf, 'textDocument/semanticTokens/full', { textDocument = { uri = uri_of(buf) } })
  local data = result and result.data
  expect(type(data) == 'table' and #data > 0, 'no tokens: %s', vim.inspect(result))
  expect(#data % 5 == 0, '%d integers, not a multiple of 5', #data)
  return ('%d tokens'):format(#data / 5)
end)

check('foldingRange', function()
  local result = request(buf, 'textDocument/foldingRange', { textDocument = { uri = uri_of(buf) } })
  expect(type(result) == 'table' and #result > 0, 'no ranges: %s', vim.inspect(result))
  return ('%d ranges, first lines %d-%d'):format(#result, result[1].startLine + 1, result[1].endLine + 1)
end)

check('selectionRange', function()
  local row, col = find(buf, 'csdl_hồ_sơ')
  local result = request(buf, 'textDocument/selectionRange', {
    textDocument = { uri = uri_of(buf) },
    positions = { position(buf, row, col + #'csdl_h') },
  })
  expect(type(result) == 'table' and #result == 1, 'answer %s', vim.inspect(result))
  local depth, r, last = 0, result[1], nil
  while r and r ~= vim.NIL do
    depth, last = depth + 1, r
    r = r.parent
  end
  expect(depth >= 2, 'a chain of %d', depth)
  expect(last.range.start.line == 0 and last.range.start.character == 0, 'the outermost range %s', vim.inspect(last.range))
  return ('a chain of %d ranges to the whole file'):format(depth)
end)

check('codeAction (quickfix)', function()
  local diagnostics = vim.diagnostic.get(buf)
  expect(#diagnostics == 1, 'diagnostics %s', describe(diagnostics))
  local lsp = diagnostics[1].user_data.lsp
  local result = request(buf, 'textDocument/codeAction', {
    textDocument = { uri = uri_of(buf) },
    range = lsp.range,
    context = { diagnostics = { lsp }, only = { 'quickfix' } },
  })
  expect(type(result) == 'table' and #result > 0, 'no actions: %s', vim.inspect(result))
  local found
  for _, action in ipairs(result) do
    if action.kind == 'quickfix' and action.edit then
      for path, edits in pairs(edits_by_path(action.edit)) do
        for _, e in ipairs(edits) do
          if same_file(path, app_path) and e.newText == 'dung_chung' then
            found = action
          end
        end
      end
    end
  end
  expect(found, 'no quickfix replacing with dung_chung: %s', vim.inspect(result))
  return ('%d actions, `%s`%s'):format(#result, found.title, found.isPreferred and ' (preferred)' or '')
end)

-- The fix, typed as a user would: delete the misspelt name, complete after `ARM.`, insert.
local insert = 'dung_chung'

check('edit: delete name', function()
  vim.api.nvim_buf_set_text(buf, bad_row, bad_col, bad_row, bad_col + #'dung_chug', { '' })
  local line = vim.api.nvim_buf_get_lines(buf, bad_row, bad_row + 1, true)[1]
  expect(vim.endswith(line, 'arm: ARM.'), 'line %q', line)
  wait_diagnostics(buf, WAIT) -- the server has the edit (didChange) and answered it
  return ('line %d now ends `arm: ARM.` (version %d)'):format(bad_row + 1, vim.lsp.util.buf_versions[buf])
end)

check('completion', function()
  local provider = client().server_capabilities.completionProvider
  if not provider then
    return skip('the server does not advertise completionProvider (not wired yet?)')
  end
  local triggers = provider.triggerCharacters or {}
  local context = vim.list_contains(triggers, '.') and { triggerKind = 2, triggerCharacter = '.' }
    or { triggerKind = 1 }
  local result = request(buf, 'textDocument/completion', {
    textDocument = { uri = uri_of(buf) },
    position = position(buf, bad_row, bad_col),
    context = context,
  })
  local items = result and (result.items or result) or {}
  local found
  for _, item in ipairs(items) do
    if item.label == 'dung_chung' then
      found = item
    end
  end
  expect(found, 'no item dung_chung among %s', vim.inspect(vim.tbl_map(function(i)
    return i.label
  end, items)))
  local text = found.textEdit and found.textEdit.newText or found.insertText or found.label
  expect(text == 'dung_chung', 'the item inserts %q', text)
  if found.textEdit then
    local range = found.textEdit.range or found.textEdit.insert
    local at = position(buf, bad_row, bad_col)
    expect(range.start.line == at.line and range.start.character == at.character, 'the item replaces %s', vim.inspect(range))
  end
  insert = text
  return ('%d items, `%s` (%s)'):format(#items, found.label, found.detail or '')
end)

check('edit: fix', function()
  vim.api.nvim_buf_set_text(buf, bad_row, bad_col, bad_row, bad_col, { insert })
  local diagnostics = wait_diagnostics(buf, WAIT)
  expect(#diagnostics == 0, 'diagnostics left: %s', describe(diagnostics))
  return ('`ARM.%s`: no diagnostics at version %d'):format(insert, vim.lsp.util.buf_versions[buf])
end)

check('inlayHint', function()
  local line = vim.api.nvim_buf_get_lines(buf, bad_row, bad_row + 1, true)[1]
  local result = request(buf, 'textDocument/inlayHint', {
    textDocument = { uri = uri_of(buf) },
    range = { start = { line = bad_row, character = 0 }, ['end'] = position(buf, bad_row, #line) },
  })
  expect(type(result) == 'table' and #result > 0, 'no hints: %s', vim.inspect(result))
  local labels = {}
  for _, hint in ipairs(result) do
    local label = hint.label
    if type(label) == 'table' then
      label = table.concat(vim.tbl_map(function(part)
        return part.value
      end, label))
    end
    table.insert(labels, label)
    if label:find('dùng chung', 1, true) then
      expect(hint.position.line == bad_row, 'the hint is on line %d', hint.position.line + 1)
      return ('line %d: %q'):format(bad_row + 1, label)
    end
  end
  error(('no hint with `dùng chung`: %s'):format(vim.inspect(labels)))
end)

check('formatting', function()
  local result = request(buf, 'textDocument/formatting', {
    textDocument = { uri = uri_of(buf) },
    options = { tabSize = 2, insertSpaces = true },
  })
  expect(type(result) == 'table' and vim.islist(result), 'not a list: %s', vim.inspect(result))
  return ('%d edits (not applied)'):format(#result)
end)

check('shutdown', function()
  client():stop()
  wait_for(WAIT, 'the server to exit', function()
    return exit_code ~= nil
  end)
  expect(exit_code == 0, 'vnea lsp exited with %s', exit_code)
  return 'exit code 0'
end)

out(('ok   all checks passed in %.0f ms'):format((uv.hrtime() - started) / 1e6))
vim.cmd('qall!')
