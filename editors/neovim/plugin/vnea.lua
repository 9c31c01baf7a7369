-- vnea for Neovim 0.11+: the `vnea` filetype for *.vnea files and the `vnea lsp` language
-- server (its configuration is lsp/vnea.lua), started for every vnea buffer unless
-- `vim.g.vnea_no_autostart` is set before this file is sourced (then `vim.lsp.enable('vnea')`
-- starts it). The filetype plugin, syntax file and tree-sitter queries live beside this file.

if vim.g.loaded_vnea then
  return
end
vim.g.loaded_vnea = true

-- vim.lsp.config/enable and lsp/*.lua configurations are new in 0.11: warn once, change nothing.
if vim.fn.has('nvim-0.11') == 0 then
  vim.notify('vnea: the vnea plugin needs Neovim 0.11 or newer; it is not enabled', vim.log.levels.WARN)
  return
end

-- Registered here rather than in ftdetect/, so that it takes effect however the plugin is loaded
-- (at startup, by lazy.nvim, by :packadd) as long as it is before the first *.vnea buffer.
vim.filetype.add({ extension = { vnea = 'vnea' } })

if not vim.g.vnea_no_autostart then
  vim.lsp.enable('vnea')
end
