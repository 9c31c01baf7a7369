//! The IDE features, tested on fixtures (see `fixture.rs`) against insta inline snapshots.

mod code_actions;
mod completion;
mod fixture;
mod folding;
mod formatting;
mod hover;
mod inlay_hints;
mod navigation;
mod rename;
mod selection;
mod semantic_tokens;
mod symbols;
