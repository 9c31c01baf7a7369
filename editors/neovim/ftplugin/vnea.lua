-- Buffer settings for vnea files, as `vnea fmt` writes them (docs/formatting.md): two spaces
-- per level, `//` comments.

if vim.b.did_ftplugin then
  return
end
vim.b.did_ftplugin = 1

vim.bo.commentstring = '// %s'
-- `///` (doc comments) before `//`, so that each continues with its own leader.
vim.bo.comments = 's1:/*,mb:*,ex:*/,:///,://'
vim.bo.shiftwidth = 2
vim.bo.softtabstop = 2
vim.bo.expandtab = true
-- Wrap and continue comments, not code.
vim.opt_local.formatoptions:remove('t')
vim.opt_local.formatoptions:append('croql')

vim.b.undo_ftplugin = 'setlocal commentstring< comments< shiftwidth< softtabstop< expandtab< formatoptions<'

-- With a vnea tree-sitter parser installed (docs/editors.md), highlight with it rather than
-- with syntax/vnea.vim; without one, the Vim syntax stays.
if vim.treesitter.language.add('vnea') then
  vim.treesitter.start(0, 'vnea')
  vim.b.undo_ftplugin = vim.b.undo_ftplugin .. ' | call v:lua.vim.treesitter.stop()'
end
