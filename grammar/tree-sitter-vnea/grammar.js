/**
 * @file tree-sitter grammar for vnea, the language of Vietnamese e-Government architecture documents.
 *
 * It accepts exactly the language of ../vnea.ebnf (the normative grammar): every rule below names
 * the EBNF rule it implements. Block comments nest, which a regular expression cannot express, so
 * they come from the hand-written external scanner in src/scanner.c.
 */

const HEX = /[0-9a-fA-F]/.source;

// \u{…}: 1 to 6 hex digits naming a Unicode scalar value (0–D7FF or E000–10FFFF), so neither a
// surrogate nor a value above 10FFFF lexes as an escape. Grouped by significant digits, leading
// zeros allowed up to 6 digits in all.
const UNICODE_SCALAR = [
  '0{1,6}',
  `0{0,5}[1-9a-fA-F]`,
  `0{0,4}[1-9a-fA-F]${HEX}`,
  `0{0,3}[1-9a-fA-F]${HEX}{2}`,
  `0{0,2}([1-9a-cA-CeEfF]${HEX}{3}|[dD][0-7]${HEX}{2})`,
  `0?[1-9a-fA-F]${HEX}{4}`,
  `10${HEX}{4}`,
].join('|');

// The optional `[Title] [Block]` that ends both declarations and relations.
function titleAndBody($) {
  return [optional(field('title', $.string)), optional(field('body', $.block))];
}

module.exports = grammar({
  name: 'vnea',

  // Keywords are extracted from identifiers: `trueish` stays one identifier.
  word: $ => $.identifier,

  // `true` and `false` are the only reserved words: they are never an identifier, even where only
  // an identifier fits (`actor true` is an error).
  reserved: {
    global: _ => ['true', 'false'],
  },

  externals: $ => [$.block_comment],

  // WHITESPACE (space, tab, form feed, byte-order mark, LF, CR LF, lone CR) and the three comments.
  extras: $ => [/[ \t\f\r\n\uFEFF]/, $.line_comment, $.doc_comment, $.block_comment],

  rules: {
    // File = { Item }
    source_file: $ => repeat($._item),

    // Item = Declaration | Relation | Property
    _item: $ => choice($.declaration, $.relation, $.property),

    // Declaration = Kind Name [Title] [Block]. Name is one identifier, except after the kind
    // `extend`, whose name is a path. That is the only place where `extend` is a keyword: wherever
    // an item may start, `extend` lexes as the keyword token (aliased back to an identifier), so
    // it must also be accepted as a property key and as the first segment of a path.
    declaration: $ => choice(
      seq(field('kind', $.identifier), field('name', $.identifier), ...titleAndBody($)),
      seq(field('kind', $._extend), field('name', $.path), ...titleAndBody($)),
    ),

    // Block = "{" { Item } "}"
    block: $ => seq('{', repeat($._item), '}'),

    // Relation = Path "->" Path [Title] [Block]
    relation: $ => seq(
      field('from', $.path),
      '->',
      field('to', $.path),
      ...titleAndBody($),
    ),

    // Property = IDENT ":" Value [","]
    property: $ => seq(
      field('key', choice($.identifier, $._extend)),
      ':',
      field('value', $._value),
      optional(','),
    ),

    // Value = STRING | TEXT | NUMBER | BOOL | Range | Path | List
    _value: $ => choice(
      $.string,
      $.text_block,
      $.number,
      $.boolean,
      $.range,
      $.path,
      $.list,
    ),

    // Range = NUMBER ".." NUMBER
    range: $ => seq(field('start', $.number), '..', field('end', $.number)),

    // List = "[" [ Value { "," Value } [ "," ] ] "]"
    list: $ => seq(
      '[',
      optional(seq($._value, repeat(seq(',', $._value)), optional(','))),
      ']',
    ),

    // Path = IDENT { "." IDENT }
    path: $ => seq(
      choice($.identifier, $._extend),
      repeat(seq('.', $.identifier)),
    ),

    _extend: $ => alias('extend', $.identifier),

    // IDENT = ( XID_Start | "_" ) { XID_Continue }
    identifier: _ => /[_\p{XID_Start}][\p{XID_Continue}]*/,

    // BOOL = "true" | "false"
    boolean: _ => choice('true', 'false'),

    // NUMBER = DIGIT { DIGIT } [ "." DIGIT { DIGIT } ]  (ASCII digits only)
    number: _ => /[0-9]+(\.[0-9]+)?/,

    // STRING = '"' { STRING_CHAR | ESCAPE } '"', on one line. Every piece after the opening quote
    // is immediate, so a line break (whitespace to the lexer) cannot sit inside a string.
    string: $ => seq(
      '"',
      repeat(choice($._string_content, $.escape_sequence)),
      token.immediate('"'),
    ),

    _string_content: _ => token.immediate(prec(1, /[^"\\\r\n]+/)),

    // ESCAPE = '\' ( '"' | '\' | "n" | "t" | "u{" HEX{1,6} "}" ), the hex digits naming a scalar value
    escape_sequence: _ => token.immediate(seq(
      '\\',
      choice(/["\\nt]/, new RegExp(`u\\{(${UNICODE_SCALAR})\\}`)),
    )),

    // TEXT = '"""' { any character - '"""' } '"""': it ends at the first '"""'.
    text_block: _ => token(seq('"""', repeat(choice(/[^"]/, /"[^"]/, /""[^"]/)), '"""')),

    // LINE_COMMENT = "//" …, except that "///" + a non-slash (or the line end) is a DOC_COMMENT.
    // The two token sets are disjoint: "//", "//x…", "////…" are line comments.
    line_comment: _ => token(choice(
      seq('//', optional(seq(/[^/\r\n]/, /[^\r\n]*/))),
      seq('////', /[^\r\n]*/),
    )),

    // DOC_COMMENT = "///" [ non-slash { any character } ] up to the line end.
    doc_comment: _ => token(seq('///', optional(seq(/[^/\r\n]/, /[^\r\n]*/)))),
  },
});
