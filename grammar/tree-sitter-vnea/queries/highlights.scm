; Syntax highlighting for vnea, with the capture names of Neovim 0.11 / nvim-treesitter.
; No two patterns capture the same node, so the result is the same whichever precedence rule the
; host applies (the tree-sitter CLI lets the first pattern win, Neovim the last).

; A declaration: its kind (`application`, `extend`, …) reads as a keyword and the name it declares
; as a definition. An `extend` name is a path, highlighted as a reference below.
(declaration
  kind: (identifier) @keyword)

(declaration
  name: (identifier) @type.definition)

(property
  key: (identifier) @property)

; References (property values, relation ends, `extend` targets): every segment but the last names
; a container (`BRM`, `national`), the last the element itself.
(path
  (identifier) @module
  .
  (identifier))

(path
  (identifier) @variable .)

(string) @string

(text_block) @string

(escape_sequence) @string.escape

((number) @number
  (#not-match? @number "\\."))

((number) @number.float
  (#match? @number.float "\\."))

(boolean) @boolean

(line_comment) @comment

(block_comment) @comment

(doc_comment) @comment.documentation

[
  "->"
  ".."
] @operator

[
  "{"
  "}"
  "["
  "]"
] @punctuation.bracket

[
  ":"
  ","
  "."
] @punctuation.delimiter
