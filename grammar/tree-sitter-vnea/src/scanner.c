// External scanner for vnea: nested block comments, which a regular expression cannot match.
//
// BLOCK_COMMENT = "/*", { BLOCK_COMMENT | any character - "*/" }, "*/"   (grammar/vnea.ebnf)
//
// The scanner keeps no state between tokens, so (de)serialisation is empty.

#include "tree_sitter/parser.h"

enum TokenType { BLOCK_COMMENT };

void *tree_sitter_vnea_external_scanner_create(void) { return NULL; }

void tree_sitter_vnea_external_scanner_destroy(void *payload) { (void)payload; }

unsigned tree_sitter_vnea_external_scanner_serialize(void *payload, char *buffer) {
  (void)payload;
  (void)buffer;
  return 0;
}

void tree_sitter_vnea_external_scanner_deserialize(void *payload, const char *buffer,
                                                   unsigned length) {
  (void)payload;
  (void)buffer;
  (void)length;
}

// The WHITESPACE of the EBNF, which tree-sitter has not skipped yet when it calls the scanner.
// Anything else (a no-break space, say) is left to the lexer, which reports it as an error.
static bool is_whitespace(int32_t c) {
  return c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\n' || c == 0xFEFF;
}

bool tree_sitter_vnea_external_scanner_scan(void *payload, TSLexer *lexer,
                                            const bool *valid_symbols) {
  (void)payload;
  if (!valid_symbols[BLOCK_COMMENT]) return false;

  while (is_whitespace(lexer->lookahead)) lexer->advance(lexer, true);

  if (lexer->lookahead != '/') return false;
  lexer->advance(lexer, false);
  if (lexer->lookahead != '*') return false;  // "//" comments and '/' errors: the lexer's job
  lexer->advance(lexer, false);

  unsigned depth = 1;
  while (!lexer->eof(lexer)) {
    if (lexer->lookahead == '/') {
      lexer->advance(lexer, false);
      if (lexer->lookahead == '*') {
        lexer->advance(lexer, false);
        depth++;
      }
    } else if (lexer->lookahead == '*') {
      lexer->advance(lexer, false);
      if (lexer->lookahead == '/') {
        lexer->advance(lexer, false);
        if (--depth == 0) {
          lexer->result_symbol = BLOCK_COMMENT;
          return true;
        }
      }
    } else {
      lexer->advance(lexer, false);
    }
  }
  // Unterminated: no token, so the stray "/*" becomes a syntax error instead of a comment that
  // silently swallows the rest of the file.
  return false;
}
