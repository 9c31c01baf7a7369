-- The vnea language server for Neovim 0.11+ (`:help lsp-config`), enabled by plugin/vnea.lua.
-- Override any field with vim.lsp.config('vnea', { … }), e.g. the path of the binary:
--   vim.lsp.config('vnea', { cmd = { '/path/to/vnea', 'lsp' } })

---@type vim.lsp.Config
return {
  cmd = { 'vnea', 'lsp' },
  filetypes = { 'vnea' },
  -- In priority order: the nearest vnea.toml anywhere up the tree, else the nearest .git (a
  -- workspace inside a repository is rooted at its vnea.toml, not at the repository).
  root_markers = { 'vnea.toml', '.git' },
}
