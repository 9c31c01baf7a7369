//! How vnea's declaration kinds show in the editor: a symbol kind (outline, workspace
//! symbols), a completion item kind and a semantic token type for each kind of the schema
//! (spec §5), and for `extend` blocks and relations. LSP has no words for an architecture's
//! elements, so each gets the standard kind nearest in spirit (and an icon editors know).

use tower_lsp_server::ls_types::{CompletionItemKind, SymbolKind};

use crate::semantic_tokens::TokenType;

/// How one kind of declaration shows.
struct Look {
    symbol: SymbolKind,
    completion: CompletionItemKind,
    token: TokenType,
}

const fn look(symbol: SymbolKind, completion: CompletionItemKind, token: TokenType) -> Look {
    Look {
        symbol,
        completion,
        token,
    }
}

/// The look of `kind`, a kind as written (`application`), `extend` or `relation`.
fn known(kind: &str) -> Option<Look> {
    use CompletionItemKind as C;
    use SymbolKind as S;
    use TokenType as T;
    Some(match kind {
        "architecture" => look(S::NAMESPACE, C::MODULE, T::Namespace),
        "principle" => look(S::CONSTANT, C::CONSTANT, T::Variable),
        "actor" => look(S::OBJECT, C::VARIABLE, T::Variable),
        "channel" => look(S::INTERFACE, C::INTERFACE, T::Interface),
        "service" => look(S::METHOD, C::METHOD, T::Method),
        "process" => look(S::FUNCTION, C::FUNCTION, T::Function),
        "application" => look(S::MODULE, C::MODULE, T::Class),
        "database" => look(S::STRUCT, C::STRUCT, T::Struct),
        "platform" => look(S::CLASS, C::CLASS, T::Class),
        "infrastructure" => look(S::PACKAGE, C::MODULE, T::Type),
        "network" => look(S::INTERFACE, C::INTERFACE, T::Interface),
        "control" => look(S::KEY, C::CONSTANT, T::Variable),
        "project" => look(S::EVENT, C::EVENT, T::Event),
        "framework" => look(S::PACKAGE, C::MODULE, T::Namespace),
        "refmodel" => look(S::NAMESPACE, C::MODULE, T::Namespace),
        "category" => look(S::ENUM_MEMBER, C::ENUM_MEMBER, T::EnumMember),
        "extend" => look(S::NAMESPACE, C::MODULE, T::Namespace),
        "relation" => look(S::OPERATOR, C::OPERATOR, T::Operator),
        _ => return None,
    })
}

/// The look of `kind`; unknown kinds (a syntax error, a misspelling) look like plain objects.
fn of(kind: &str) -> Look {
    known(kind).unwrap_or(look(
        SymbolKind::OBJECT,
        CompletionItemKind::VALUE,
        TokenType::Variable,
    ))
}

/// The symbol kind of declarations of `kind` (and of `extend` blocks and relations).
pub fn symbol(kind: &str) -> SymbolKind {
    of(kind).symbol
}

/// The completion item kind of a reference to a declaration of `kind`.
pub fn completion(kind: &str) -> CompletionItemKind {
    of(kind).completion
}

/// The semantic token type of a name of a declaration of `kind`.
pub fn token(kind: &str) -> TokenType {
    of(kind).token
}

#[cfg(test)]
mod tests {
    use vnea_analysis::schema::KINDS;

    use super::*;

    #[test]
    fn every_kind_of_the_schema_has_its_own_look() {
        for kind in KINDS {
            assert!(known(kind.name).is_some(), "{}", kind.name);
        }
        assert_eq!(symbol("relation"), SymbolKind::OPERATOR);
        assert_eq!(symbol("không_biết"), SymbolKind::OBJECT);
        assert_eq!(completion("database"), CompletionItemKind::STRUCT);
        assert_eq!(token("category"), TokenType::EnumMember);
    }
}
