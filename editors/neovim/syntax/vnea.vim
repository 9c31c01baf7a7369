" Vim syntax file for vnea, the language of Vietnamese e-Government architecture documents
" (*.vnea). Highlighting without a tree-sitter parser; the tokens follow grammar/vnea.ebnf.
" The language server adds semantic tokens on top (kinds, references, unresolved names).

if exists('b:current_syntax')
  finish
endif

" Identifiers are Unicode (XID_Start | _) XID_Continue*. Vim counts every character from
" U+0100 up that is not punctuation as a word character whatever 'iskeyword' says (đ ơ ư ạ ế …),
" and a combining mark belongs to the character before it, so NFC and NFD words both match
" \k as a whole. Below U+0100 only the Latin-1 letters are added (not × and ÷).
syn iskeyword @,48-57,_,192-214,216-246,248-255

" Syncing from the start: text blocks and block comments span lines, and files are small.
syn sync fromstart

" ---- Values ---------------------------------------------------------------------------------

" A reference or enum value: one segment of a path (the dots are delimiters).
syn match vneaPath '\<\d\@!\k\+'

syn match vneaDelimiter '[{}\[\]:,.]'
syn match vneaOperator '->\|\.\.'

syn match vneaNumber '\<\d\+\%(\.\d\+\)\=\>'
syn keyword vneaBoolean true false

" Strings stay on one line. A backslash starts an escape; any other escape is an error.
syn region vneaString start=+"+ skip=+\\\\\|\\"+ end=+"+ end=+$+ oneline contains=vneaEscapeError,vneaEscape
syn match vneaEscapeError '\\.\=' contained
syn match vneaEscape '\\\%(["\\nt]\|u{\x\{1,6}}\)' contained

" Text blocks span lines and have no escapes; defined after strings so that `"""` opens one.
syn region vneaTextBlock start=+"""+ end=+"""+

" ---- Items ----------------------------------------------------------------------------------

" A property: the key before `:` (defined after vneaPath, so it wins at the same column).
syn match vneaProperty '\<\d\@!\k\+\ze\s*:'

" A declaration: its kind is an identifier that starts an item (at the start of a line, or after
" a brace or a block comment) and is followed by another identifier, the declared name (a path
" after `extend`).
syn match vneaKind '\%(\%(^\|[{}]\|\*/\)\s*\)\@<=\<\d\@!\k\+\ze\%(\s\+\|/\*.\{-}\*/\)\+\d\@!\k'
      \ nextgroup=vneaDeclName,vneaDeclComment skipwhite
syn match vneaDeclName '\<\d\@!\k\+\%(\.\d\@!\k\+\)*' contained contains=vneaDelimiter
" A block comment between the kind and the name (`actor /* … */ nguoi_dan`).
syn match vneaDeclComment '/\*.\{-}\*/' contained nextgroup=vneaDeclName,vneaDeclComment skipwhite

" ---- Comments -------------------------------------------------------------------------------

syn keyword vneaTodo TODO FIXME XXX NOTE contained
syn match vneaComment '//.*$' contains=vneaTodo,@Spell
" `///` documents the declaration that follows; `////` is an ordinary comment.
syn match vneaDocComment '///\%(/\)\@!.*$' contains=vneaTodo,@Spell
" Block comments nest.
syn region vneaBlockComment start='/\*' end='\*/' contains=vneaBlockComment,vneaTodo,@Spell

" ---- Links to the standard groups -----------------------------------------------------------

hi def link vneaKind          Keyword
hi def link vneaDeclName      Type
hi def link vneaProperty      Identifier
hi def link vneaPath          Constant
hi def link vneaString        String
hi def link vneaTextBlock     String
hi def link vneaEscape        SpecialChar
hi def link vneaEscapeError   Error
hi def link vneaNumber        Number
hi def link vneaBoolean       Boolean
hi def link vneaOperator      Operator
hi def link vneaDelimiter     Delimiter
hi def link vneaComment       Comment
hi def link vneaBlockComment  Comment
hi def link vneaDeclComment   Comment
hi def link vneaDocComment    SpecialComment
hi def link vneaTodo          Todo

let b:current_syntax = 'vnea'
