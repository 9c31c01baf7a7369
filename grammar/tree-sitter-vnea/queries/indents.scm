; Indentation for Neovim (nvim-treesitter indent captures): the items of a block and the values
; of a list are indented one level; the closing bracket goes back.
[
  (block)
  (list)
] @indent.begin

[
  "}"
  "]"
] @indent.branch @indent.end

; Text blocks and block comments keep the indentation their author typed.
[
  (text_block)
  (block_comment)
] @indent.auto
