; Foldable regions: blocks, lists, text blocks and block comments that span lines.
[
  (block)
  (list)
  (text_block)
  (block_comment)
] @fold
