-- End-to-end test of the Neovim plugin (editors/neovim) and of `vnea lsp` through it: Neovim
-- 0.11 headless with the plugin on 'runtimepath' and nothing else, as a user with an empty
-- config who put the plugin on 'runtimepath' and `vnea` on PATH. Run by .ci/neovim-test:
--
--   PATH=<dir with `vnea`>:$PATH VNEA_TEST=lsp VNEA_WORKSPACE=<copy of fixture/> \
--     timeout 120 nvim --headless --clean --cmd 'set rtp^=editors/neovim' -l editors/neovim/test/test.lua
--
-- VNEA_TEST picks the scenario (see `scenarios` below): `lsp` (the plugin starts the server;
-- every LSP feature), `no-autostart` (with g:vnea_no_autostart: filetype and highlighting only,
-- until vim.lsp.enable), `old-neovim` (as on Neovim < 0.11: one warning, nothing else) and
-- `tree-sitter` (VNEA_PARSER, the compiled grammar, with the shipped queries).
--
-- The fixture has exactly one finding: `arm: ARM.dung_chug` on line 2 of ung_dung.vnea, after
-- Vietnamese text and an emoji (so byte, UTF-16 and UTF-32 columns all differ). Prints one line
-- per check; exits with `cquit` (status 1) at the first failure, `qall!` when all pass.

local uv = vim.uv
local started = uv.hrtime()
local scenario = assert(vim.env.VNEA_TEST, 'VNEA_TEST: the scenario')
-- Unset: Neovim's own offer (utf-8, utf-16, utf-32; the server takes UTF-8). `utf-16`: the
-- only encoding offered, as most other clients (VS Code) do.
local encoding = vim.env.VNEA_POSITION_ENCODING
local workspace = assert(vim.env.VNEA_WORKSPACE, 'VNEA_WORKSPACE: a copy of the fixture')
local test_dir = vim.fs.dirname(vim.fs.normalize(arg[0]))
local plugin_dir = vim.fs.dirname(test_dir)
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

--- The last element of `list` whose `field` is `value`; fails, listing the fields seen, if none.
local function expect_member(list, field, value)
  local found
  for _, element in ipairs(list) do
    if element[field] == value then
      found = element
    end
  end
  if not found then
    local seen = vim.tbl_map(function(element)
      return element[field]
    end, list)
    error(('no %s %s among %s'):format(field, value, vim.inspect(seen)), 2)
  end
  return found
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

--- Opens `path` in the current window; returns its buffer.
local function edit(path)
  vim.cmd.edit(vim.fn.fnameescape(path))
  return vim.api.nvim_get_current_buf()
end

--- The vnea clients, started or starting.
local function vnea_clients()
  return vim.lsp.get_clients({ name = 'vnea', _uninitialized = true })
end

--- Checks the Vim syntax group (and the standard group it links to) at each `{needle, group,
--- linked, bytes}` of the current buffer: at every byte of the first `needle`, or of its first
--- `bytes`. Returns how many were checked.
local function expect_syntax(expected)
  expect(vim.b.current_syntax == 'vnea', 'b:current_syntax %s', vim.inspect(vim.b.current_syntax))
  expect(not vim.b.ts_highlight, 'tree-sitter highlighting is on')
  for _, e in ipairs(expected) do
    local needle, group, linked = e[1], e[2], e[3]
    local row, col = find(0, needle)
    for byte = col + 1, col + (e[4] or #needle) do
      local name = vim.fn.synIDattr(vim.fn.synID(row + 1, byte, 1), 'name')
      local standard = vim.api.nvim_get_hl(0, { name = name }).link
      expect(name == group and standard == linked, '%q (line %d, byte %d of %d): %s -> %s, expected %s -> %s',
        needle, row + 1, byte - col, #needle, name, standard, group, linked)
    end
  end
  return #expected
end

--- The ftplugin's buffer settings (docs/formatting.md: two spaces, `//` comments).
local function expect_ftplugin()
  local bo = vim.bo
  expect(bo.commentstring == '// %s', 'commentstring %q', bo.commentstring)
  expect(bo.shiftwidth == 2 and bo.expandtab, 'shiftwidth %d, expandtab %s', bo.shiftwidth, bo.expandtab)
  expect(bo.comments:find(':///,://', 1, true), 'comments %q', bo.comments)
  expect(vim.b.undo_ftplugin, 'no b:undo_ftplugin')
end

local scenarios = {}

--- The plugin as installed: filetype, ftplugin, syntax, and the server it starts by itself.
function scenarios.lsp()
  -- The user-level part: every other setting comes from the plugin's lsp/vnea.lua. Also
  -- records what the checks wait for (the server's exit, the versions diagnostics are for).
  local published = {} -- uri -> version of the last publishDiagnostics (vim.NIL when it had none)
  vim.lsp.config('vnea', {
    capabilities = encoding and { general = { positionEncodings = { encoding } } } or nil,
    on_exit = function(code)
      exit_code = code
    end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx)
        published[result.uri] = result.version or vim.NIL
        return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx)
      end,
    },
  })

  local client_id
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

  --- Text document position parameters: in `buf`, `#into` bytes into the first `needle`.
  local function at(buf, needle, into)
    local row, col = find(buf, needle)
    return { textDocument = { uri = uri_of(buf) }, position = position(buf, row, col + #into) }
  end

  --- vnea's answer (`{ result = … }` or `{ err = … }`) to a request, waited for.
  local function answer_of(buf, method, params)
    local answers, err = vim.lsp.buf_request_sync(buf, method, params, WAIT)
    expect(answers, '%s: no answer (%s)', method, err)
    local answer = answers[client_id]
    expect(answer, '%s: no answer from vnea', method)
    return answer
  end

  --- The result of a request the server is expected to answer.
  local function request(buf, method, params)
    local answer = answer_of(buf, method, params)
    expect(not answer.err, '%s: error %s', method, vim.inspect(answer.err))
    return answer.result
  end

  --- The error of a request the server is expected to refuse.
  local function request_error(buf, method, params)
    local answer = answer_of(buf, method, params)
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
    buf = edit(workspace .. '/ung_dung.vnea')
    expect(vim.bo[buf].filetype == 'vnea', 'filetype %q', vim.bo[buf].filetype)
    -- Started by the plugin's vim.lsp.enable('vnea') on the FileType event.
    local clients = vnea_clients()
    expect(#clients == 1, '%d vnea clients', #clients)
    client_id = clients[1].id
    wait_for(SLOW, 'initialize', function()
      return client().initialized and vim.lsp.buf_is_attached(buf, client_id)
    end)
    local c = client()
    local info = c.server_info or {}
    expect(c.server_capabilities.definitionProvider, 'no definitionProvider')
    expect(c.offset_encoding == (encoding or 'utf-8'), 'positions in %s, expected %s', c.offset_encoding, encoding or 'utf-8')
    if encoding then -- the user's list replaces Neovim's, it is not merged into it
      local offered = c.capabilities.general.positionEncodings
      expect(vim.deep_equal(offered, { encoding }), 'offered %s', vim.inspect(offered))
    end
    return ('%s %s, positions in %s'):format(info.name or '?', info.version or '?', c.offset_encoding)
  end)

  check('config and root', function()
    local c = client()
    expect(vim.deep_equal(c.config.cmd, { 'vnea', 'lsp' }), 'cmd %s', vim.inspect(c.config.cmd))
    local exe = vim.fn.exepath('vnea')
    expect(exe ~= '', '`vnea` is not on PATH')
    -- .ci/neovim-test puts a .git above the workspace: the nearest vnea.toml must win over it.
    local outer = vim.fs.dirname(workspace)
    expect(uv.fs_stat(outer .. '/.git'), 'no .git in %s: the root check would prove nothing', outer)
    expect(c.root_dir == workspace, 'root %s, expected %s', c.root_dir, workspace)
    return ('cmd `vnea lsp` (%s), root %s'):format(exe, vim.fs.basename(c.root_dir))
  end)

  check('ftplugin + syntax', function()
    expect_ftplugin()
    local checked = expect_syntax({
      { '// Ứng dụng', 'vneaComment', 'Comment' },
      { 'application', 'vneaKind', 'Keyword' },
      { 'một_cửa', 'vneaDeclName', 'Type' },
      { '"Hệ thống một cửa điện tử 😀"', 'vneaString', 'String' },
      { 'security_level', 'vneaProperty', 'Identifier' },
      { 'csdl_hồ_sơ', 'vneaPath', 'Constant' },
    })
    return ('%d places highlighted as expected'):format(checked)
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
    local result = request(buf, 'textDocument/definition', at(buf, 'ARM.dung_chung', 'ARM.dung'))
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
    local result = request(buf, 'textDocument/hover', at(buf, 'ARM.dung_chung', 'ARM.dung'))
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
    local params = at(buf, 'csdl_hồ_sơ', 'csdl_h')
    params.context = { includeDeclaration = true }
    local result = request(buf, 'textDocument/references', params)
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
    local result = request(buf, 'textDocument/documentHighlight', at(buf, 'csdl_hồ_sơ', 'csdl_h'))
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
    local err = request_error(buf, 'textDocument/prepareRename', at(buf, 'ARM.dung_chung', 'A'))
    expect(err.code == -32803, 'error code %s, expected -32803 (RequestFailed): %s', err.code, vim.inspect(err))
    expect(err.message and err.message ~= '', 'no message')
    return ('`ARM`: %d %s'):format(err.code, err.message)
  end)

  check('rename across files', function()
    local params = at(buf, 'csdl_hồ_sơ', 'csdl_h')
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
    local found = expect_member(result, 'name', 'csdl_hồ_sơ')
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
    local found = expect_member(items, 'label', 'dung_chung')
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
end

--- With g:vnea_no_autostart: the filetype and highlighting work, no server starts until the
--- user enables it.
scenarios['no-autostart'] = function()
  local buf

  check('filetype, no client', function()
    expect(vim.g.vnea_no_autostart, 'g:vnea_no_autostart is not set')
    buf = edit(workspace .. '/ung_dung.vnea')
    expect(vim.bo[buf].filetype == 'vnea', 'filetype %q', vim.bo[buf].filetype)
    expect_ftplugin()
    expect(not vim.lsp.is_enabled('vnea'), 'vim.lsp.enable(\'vnea\') was called')
    vim.wait(500) -- with autostart, the client exists at once (see the lsp scenario)
    expect(#vnea_clients() == 0, '%d vnea clients', #vnea_clients())
    return 'filetype vnea, ftplugin settings, no client after 500 ms'
  end)

  check('highlighting', function()
    local sample = edit(test_dir .. '/highlight_sample.vnea')
    -- The identifiers after `nfd_` are decomposed: base letters and combining marks
    -- (U+0300–U+036F, UTF-8 CC 80 – CD AF), which must not end the word.
    local function nfd_word(needle)
      local row, col = find(sample, needle)
      local word = vim.api.nvim_buf_get_lines(sample, row, row + 1, true)[1]:match('^[^%s:]+', col + 1)
      expect(word:find('[\204\205][\128-\191]'), '%q is not in NFD', word)
      return word
    end
    local checked = expect_syntax({
      { '// Highlighting sample', 'vneaComment', 'Comment' },
      { '/// Tài liệu', 'vneaDocComment', 'SpecialComment' },
      { '//// not a doc comment', 'vneaComment', 'Comment' },
      { 'still outer */', 'vneaBlockComment', 'Comment' }, -- after a nested comment closed
      { 'application', 'vneaKind', 'Keyword' },
      { nfd_word('nfd_h'), 'vneaDeclName', 'Type' },
      { '"Tiêu đề ', 'vneaString', 'String' },
      { '\\"', 'vneaEscape', 'SpecialChar' },
      { '\\q', 'vneaEscapeError', 'Error' },
      { '\\u{1F3DB}', 'vneaEscape', 'SpecialChar' },
      { nfd_word('nfd_c'), 'vneaProperty', 'Identifier' },
      { '2021', 'vneaNumber', 'Number' },
      { '..', 'vneaOperator', 'Operator' },
      { 'true', 'vneaBoolean', 'Boolean' },
      { 'dòng một của khối văn bản', 'vneaTextBlock', 'String' }, -- the line inside the block
      { 'ARM', 'vneaPath', 'Constant' },
      { '.dung_chung', 'vneaDelimiter', 'Delimiter', 1 },
      { '->', 'vneaOperator', 'Operator' },
      { '{', 'vneaDelimiter', 'Delimiter' },
    })
    vim.cmd.bwipeout(sample) -- outside the workspace: no server for it below
    return ('%d places in highlight_sample.vnea, NFD names included'):format(checked)
  end)

  check('manual start', function()
    -- What the docs tell a user with g:vnea_no_autostart to do.
    vim.lsp.enable('vnea')
    local c
    wait_for(SLOW, 'the client', function()
      c = vnea_clients()[1]
      return c and c.initialized and vim.lsp.buf_is_attached(buf, c.id)
    end)
    expect(c.root_dir == workspace, 'root %s, expected %s', c.root_dir, workspace)
    wait_for(SLOW, 'diagnostics', function()
      return #vim.diagnostic.get(buf) == 1
    end)
    c:stop()
    wait_for(WAIT, 'the client to stop', function()
      return c:is_stopped()
    end)
    return 'vim.lsp.enable(\'vnea\'): attached, one diagnostic, stopped'
  end)
end

--- As on Neovim < 0.11 (.ci/neovim-test makes has('nvim-0.11') false before the plugin loads):
--- one warning, no filetype, no server, no error.
scenarios['old-neovim'] = function()
  check('one warning, nothing else', function()
    expect(vim.fn.has('nvim-0.11') == 0, 'has(\'nvim-0.11\') is true: the scenario tests nothing')
    local buf = edit(workspace .. '/ung_dung.vnea')
    expect(vim.bo[buf].filetype == '', 'filetype %q', vim.bo[buf].filetype)
    vim.cmd.runtime('plugin/vnea.lua') -- sourced again (a plugin manager reloading it)
    local warnings = vim.tbl_filter(function(message)
      return vim.startswith(message, 'vnea:')
    end, vim.split(vim.fn.execute('messages'), '\n'))
    expect(#warnings == 1, 'warnings %s', vim.inspect(warnings))
    expect(not vim.lsp.is_enabled('vnea'), 'vim.lsp.enable(\'vnea\') was called')
    vim.wait(300)
    expect(#vnea_clients() == 0, '%d vnea clients', #vnea_clients())
    return warnings[1]
  end)
end

--- The tree-sitter grammar (VNEA_PARSER: grammar/tree-sitter-vnea compiled by the script) with
--- the queries the plugin ships: the ftplugin switches to it, its captures are the expected ones.
scenarios['tree-sitter'] = function()
  local queries_dir = plugin_dir .. '/queries/vnea'

  check('parser', function()
    local parser = assert(vim.env.VNEA_PARSER, 'VNEA_PARSER: the compiled grammar')
    assert(vim.treesitter.language.add('vnea', { path = parser }))
    return ('ABI %d, %s'):format(vim.treesitter.language.inspect('vnea').abi_version, vim.fs.basename(parser))
  end)

  check('queries', function()
    -- editors/neovim/queries/vnea links to grammar/tree-sitter-vnea/queries: one source.
    local files = vim.fn.glob(queries_dir .. '/*.scm', false, true)
    expect(#files > 0, 'no queries in %s', queries_dir)
    local names = {}
    for _, file in ipairs(files) do
      local name = vim.fn.fnamemodify(file, ':t:r')
      local found = vim.api.nvim_get_runtime_file('queries/vnea/' .. name .. '.scm', true)
      expect(vim.tbl_contains(found, file), '%s not on the runtimepath: %s', file, vim.inspect(found))
      local ok, query = pcall(vim.treesitter.query.get, 'vnea', name)
      expect(ok and query, 'queries/vnea/%s.scm: %s', name, query)
      table.insert(names, ('%s (%d captures)'):format(name, #query.captures))
    end
    for _, required in ipairs({ 'highlights', 'folds', 'indents', 'locals' }) do
      expect(uv.fs_stat(queries_dir .. '/' .. required .. '.scm'), 'no %s.scm', required)
    end
    return table.concat(names, ', ')
  end)

  check('highlighting', function()
    local buf = edit(workspace .. '/ung_dung.vnea')
    expect(vim.b.ts_highlight and vim.bo.syntax == '', 'the ftplugin did not start tree-sitter highlighting')
    local tree = vim.treesitter.get_parser(buf):parse()[1]
    expect(not tree:root():has_error(), 'syntax error in the tree: %s', tree:root():sexpr())
    local expected = {
      { '// Ứng dụng', 'comment' },
      { 'application', 'keyword' },
      { 'một_cửa', 'type.definition' },
      { '"Hệ thống', 'string' },
      { 'security_level', 'property' },
      { 'ARM.dung_chung', 'module' },
      { '3', 'number' },
    }
    for _, e in ipairs(expected) do
      local row, col = find(buf, e[1])
      local captures = vim.tbl_map(function(c)
        return c.capture
      end, vim.treesitter.get_captures_at_pos(buf, row, col))
      expect(vim.tbl_contains(captures, e[2]), '%q at %d:%d: %s, expected @%s', e[1], row + 1, col, vim.inspect(captures), e[2])
    end
    return ('%d places captured as expected'):format(#expected)
  end)
end

local run = scenarios[scenario] or error('VNEA_TEST: no scenario ' .. scenario)
run()
out(('ok   all checks passed in %.0f ms'):format((uv.hrtime() - started) / 1e6))
vim.cmd('qall!')
