//! Reading what discovery found: source files as bytes, and each workspace's `vnea.toml`.

use std::fs;
use std::path::{Path, PathBuf};

use vnea_analysis::{Config, Diagnostic, Lang, encoding};

use crate::discover::Workspace;
use crate::failure::Failure;

/// The bytes of the file at `path`.
pub fn read(path: &Path) -> Result<Vec<u8>, Failure> {
    fs::read(path).map_err(|error| Failure::CannotRead(path.to_path_buf(), error))
}

/// A workspace's settings and the diagnostics of its `vnea.toml`.
#[derive(Default)]
pub struct LoadedConfig {
    /// The settings; the defaults without a `vnea.toml`.
    pub config: Config,
    /// The `vnea.toml` and its text, if there is one (decoded lossily when it is not UTF-8).
    pub file: Option<(PathBuf, String)>,
    /// Its `invalid-config` (or `invalid-encoding`) diagnostics, in `lang` if given, else in the
    /// language the file sets.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads the configuration of `workspace`.
pub fn load_config(workspace: &Workspace, lang: Option<Lang>) -> Result<LoadedConfig, Failure> {
    let Some(path) = &workspace.config else {
        return Ok(LoadedConfig::default());
    };
    let bytes = read(path)?;
    let (config, text, diagnostics) = match encoding::decode(&bytes, lang.unwrap_or_default()) {
        Ok(text) => {
            let (config, diagnostics) = Config::parse(text, lang);
            (config, text.to_owned(), diagnostics)
        }
        Err(diagnostic) => (
            Config::default(),
            String::from_utf8_lossy(&bytes).into_owned(),
            vec![diagnostic],
        ),
    };
    Ok(LoadedConfig {
        config,
        file: Some((path.clone(), text)),
        diagnostics,
    })
}
