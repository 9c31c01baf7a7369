; Scopes and names for Neovim's locals (nvim-treesitter: definitions, references, usages).
; A declaration's name lives in the scope that holds it: the file or the enclosing block.
(source_file) @local.scope

(block) @local.scope

(declaration
  name: (identifier) @local.definition)

; A path is resolved from its first segment; the later segments are members, not local names.
(path
  .
  (identifier) @local.reference)
