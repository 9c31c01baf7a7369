; Comments may hold TODO/FIXME notes: Neovim highlights them when the `comment` parser is
; installed (and ignores this otherwise).
([
  (line_comment)
  (block_comment)
] @injection.content
  (#set! injection.language "comment"))
