//! End-to-end tests of `vnea check --format sarif`.
//!
//! [`validate`] checks an output against the rules of SARIF 2.1.0 that GitHub code scanning
//! enforces on upload, and against the schema for the objects vnea writes: required fields,
//! no property the schema does not define (its objects have `additionalProperties: false`),
//! levels, 1-based regions, unique rule ids, every result's `ruleId` among the rules and its
//! `ruleIndex` pointing at that rule, URIs that are valid URI references.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use insta::assert_snapshot;
use serde_json::{Map, Value, json};

use common::{tree, vnea, vnea_json};

/// `vnea check --format sarif args…` in `dir`: the exit code and the parsed, validated log.
fn check_sarif(dir: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["check", "--format", "sarif"];
    all.extend_from_slice(args);
    let (code, log) = vnea_json(dir, &all);
    if let Err(problem) = validate(&log) {
        panic!(
            "invalid SARIF: {problem}\n{}",
            serde_json::to_string_pretty(&log).unwrap()
        );
    }
    (code, log)
}

// ---- the validator ----------------------------------------------------------------------------

/// The properties the SARIF 2.1.0 schema defines for each object vnea writes.
fn allowed(object: &str) -> &'static [&'static str] {
    match object {
        "sarifLog" => &[
            "$schema",
            "inlineExternalProperties",
            "properties",
            "runs",
            "version",
        ],
        "run" => &[
            "addresses",
            "artifacts",
            "automationDetails",
            "baselineGuid",
            "columnKind",
            "conversion",
            "defaultEncoding",
            "defaultSourceLanguage",
            "externalPropertyFileReferences",
            "graphs",
            "invocations",
            "language",
            "logicalLocations",
            "newlineSequences",
            "originalUriBaseIds",
            "policies",
            "properties",
            "redactionTokens",
            "results",
            "runAggregates",
            "specialLocations",
            "taxonomies",
            "threadFlowLocations",
            "tool",
            "translations",
            "versionControlProvenance",
            "webRequests",
            "webResponses",
        ],
        "tool" => &["driver", "extensions", "properties"],
        "toolComponent" => &[
            "associatedComponent",
            "contents",
            "dottedQuadFileVersion",
            "downloadUri",
            "fullDescription",
            "fullName",
            "globalMessageStrings",
            "guid",
            "informationUri",
            "isComprehensive",
            "language",
            "localizedDataSemanticVersion",
            "locations",
            "minimumRequiredLocalizedDataSemanticVersion",
            "name",
            "notifications",
            "organization",
            "product",
            "productSuite",
            "properties",
            "releaseDateUtc",
            "rules",
            "semanticVersion",
            "shortDescription",
            "supportedTaxonomies",
            "taxa",
            "translationMetadata",
            "version",
        ],
        "reportingDescriptor" => &[
            "defaultConfiguration",
            "deprecatedGuids",
            "deprecatedIds",
            "deprecatedNames",
            "fullDescription",
            "guid",
            "help",
            "helpUri",
            "id",
            "messageStrings",
            "name",
            "properties",
            "relationships",
            "shortDescription",
        ],
        "multiformatMessageString" => &["markdown", "properties", "text"],
        "message" => &["arguments", "id", "markdown", "properties", "text"],
        "reportingConfiguration" => &["enabled", "level", "parameters", "properties", "rank"],
        "invocation" => &[
            "account",
            "arguments",
            "commandLine",
            "endTimeUtc",
            "environmentVariables",
            "executableLocation",
            "executionSuccessful",
            "exitCode",
            "exitCodeDescription",
            "exitSignalName",
            "exitSignalNumber",
            "machine",
            "notificationConfigurationOverrides",
            "processId",
            "processStartFailureMessage",
            "properties",
            "responseFiles",
            "ruleConfigurationOverrides",
            "startTimeUtc",
            "stderr",
            "stdin",
            "stdout",
            "stdoutStderr",
            "toolConfigurationNotifications",
            "toolExecutionNotifications",
            "workingDirectory",
        ],
        "notification" => &[
            "associatedRule",
            "descriptor",
            "exception",
            "level",
            "locations",
            "message",
            "properties",
            "threadId",
            "timeUtc",
        ],
        "result" => &[
            "analysisTarget",
            "attachments",
            "baselineState",
            "codeFlows",
            "correlationGuid",
            "fingerprints",
            "fixes",
            "graphTraversals",
            "graphs",
            "guid",
            "hostedViewerUri",
            "kind",
            "level",
            "locations",
            "message",
            "occurrenceCount",
            "partialFingerprints",
            "properties",
            "provenance",
            "rank",
            "relatedLocations",
            "rule",
            "ruleId",
            "ruleIndex",
            "stacks",
            "suppressions",
            "taxa",
            "webRequest",
            "webResponse",
            "workItemUris",
        ],
        "location" => &[
            "annotations",
            "id",
            "logicalLocations",
            "message",
            "physicalLocation",
            "properties",
            "relationships",
        ],
        "physicalLocation" => &[
            "address",
            "artifactLocation",
            "contextRegion",
            "properties",
            "region",
        ],
        "artifactLocation" => &["description", "index", "properties", "uri", "uriBaseId"],
        "region" => &[
            "byteLength",
            "byteOffset",
            "charLength",
            "charOffset",
            "endColumn",
            "endLine",
            "message",
            "properties",
            "snippet",
            "sourceLanguage",
            "startColumn",
            "startLine",
        ],
        "fix" => &["artifactChanges", "description", "properties"],
        "artifactChange" => &["artifactLocation", "properties", "replacements"],
        "replacement" => &["deletedRegion", "insertedContent", "properties"],
        "artifactContent" => &["binary", "properties", "rendered", "text"],
        other => panic!("no schema for {other}"),
    }
}

/// `value` as an object of the SARIF type `kind` with the `required` properties.
fn object<'a>(
    value: &'a Value,
    kind: &str,
    required: &[&str],
    at: &str,
) -> Result<&'a Map<String, Value>, String> {
    let map = value
        .as_object()
        .ok_or_else(|| format!("{at}: not an object"))?;
    for key in map.keys() {
        if !allowed(kind).contains(&key.as_str()) {
            return Err(format!("{at}: `{key}` is not a property of {kind}"));
        }
    }
    for key in required {
        if !map.contains_key(*key) {
            return Err(format!("{at}: {kind} without `{key}`"));
        }
    }
    Ok(map)
}

fn non_empty_text(value: &Value, kind: &str, at: &str) -> Result<(), String> {
    let map = object(value, kind, &["text"], at)?;
    match map["text"].as_str() {
        Some(text) if !text.trim().is_empty() => Ok(()),
        _ => Err(format!("{at}.text: not a non-empty string")),
    }
}

fn positive(value: &Value, at: &str) -> Result<u64, String> {
    match value.as_u64() {
        Some(n) if n >= 1 => Ok(n),
        _ => Err(format!(
            "{at}: not an integer ≥ 1 (SARIF lines and columns are 1-based)"
        )),
    }
}

const LEVELS: [&str; 4] = ["none", "note", "warning", "error"];

fn level(value: &Value, at: &str) -> Result<(), String> {
    match value.as_str() {
        Some(level) if LEVELS.contains(&level) => Ok(()),
        _ => Err(format!("{at}: level {value} is not one of {LEVELS:?}")),
    }
}

/// A URI reference (RFC 3986) as SARIF wants it: ASCII, no spaces or backslashes, `%`
/// followed by two hex digits.
fn uri_reference(uri: &str, at: &str) -> Result<(), String> {
    let bytes = uri.as_bytes();
    let bad = |i: usize| {
        Err(format!(
            "{at}: `{uri}` is not a valid URI reference (at {i})"
        ))
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' {
            if !(bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
            {
                return bad(i);
            }
            i += 3;
            continue;
        }
        if !b.is_ascii_graphic() || b"\\\"<>^`{|}".contains(&b) {
            return bad(i);
        }
        i += 1;
    }
    if uri.is_empty() { bad(0) } else { Ok(()) }
}

fn artifact_location(value: &Value, base_ids: &BTreeSet<String>, at: &str) -> Result<(), String> {
    let map = object(value, "artifactLocation", &["uri"], at)?;
    let uri = map["uri"]
        .as_str()
        .ok_or_else(|| format!("{at}.uri: not a string"))?;
    uri_reference(uri, &format!("{at}.uri"))?;
    match map.get("uriBaseId") {
        Some(base) => {
            let base = base.as_str().unwrap_or_default();
            if !base_ids.contains(base) {
                return Err(format!(
                    "{at}: uriBaseId `{base}` is not in originalUriBaseIds"
                ));
            }
            if uri.starts_with('/') || uri.contains("://") {
                return Err(format!("{at}: `{uri}` is not relative to its base"));
            }
        }
        None if !uri.starts_with("file:///") => {
            return Err(format!("{at}: `{uri}` is relative but has no uriBaseId"));
        }
        None => {}
    }
    Ok(())
}

fn region(value: &Value, at: &str) -> Result<(), String> {
    let map = object(
        value,
        "region",
        &["startLine", "startColumn", "endLine", "endColumn"],
        at,
    )?;
    let start_line = positive(&map["startLine"], &format!("{at}.startLine"))?;
    let start_column = positive(&map["startColumn"], &format!("{at}.startColumn"))?;
    let end_line = positive(&map["endLine"], &format!("{at}.endLine"))?;
    let end_column = positive(&map["endColumn"], &format!("{at}.endColumn"))?;
    if (end_line, end_column) < (start_line, start_column) {
        return Err(format!("{at}: the region ends before it starts"));
    }
    Ok(())
}

fn physical_location(value: &Value, base_ids: &BTreeSet<String>, at: &str) -> Result<(), String> {
    let map = object(
        value,
        "physicalLocation",
        &["artifactLocation", "region"],
        at,
    )?;
    artifact_location(
        &map["artifactLocation"],
        base_ids,
        &format!("{at}.artifactLocation"),
    )?;
    region(&map["region"], &format!("{at}.region"))
}

fn array<'a>(value: &'a Value, at: &str) -> Result<&'a Vec<Value>, String> {
    value
        .as_array()
        .ok_or_else(|| format!("{at}: not an array"))
}

/// Checks `log` against SARIF 2.1.0 as GitHub code scanning enforces it.
fn validate(log: &Value) -> Result<(), String> {
    let top = object(log, "sarifLog", &["$schema", "version", "runs"], "log")?;
    if top["$schema"] != "https://json.schemastore.org/sarif-2.1.0.json" {
        return Err(format!("$schema is {}", top["$schema"]));
    }
    if top["version"] != "2.1.0" {
        return Err(format!("version is {}", top["version"]));
    }
    let runs = array(&top["runs"], "runs")?;
    if runs.len() != 1 {
        return Err(format!("{} runs, not one", runs.len()));
    }
    let run = object(
        &runs[0],
        "run",
        &["tool", "results", "columnKind", "originalUriBaseIds"],
        "runs[0]",
    )?;
    if run["columnKind"] != "unicodeCodePoints" {
        return Err(format!("columnKind is {}", run["columnKind"]));
    }
    if !["vi", "en"].contains(&run["language"].as_str().unwrap_or_default()) {
        return Err(format!("language is {}", run["language"]));
    }
    // Base ids.
    let bases = run["originalUriBaseIds"]
        .as_object()
        .ok_or("originalUriBaseIds: not an object")?;
    let mut base_ids = BTreeSet::new();
    for (id, location) in bases {
        let at = format!("originalUriBaseIds.{id}");
        let map = object(location, "artifactLocation", &["uri"], &at)?;
        let uri = map["uri"].as_str().unwrap_or_default();
        uri_reference(uri, &at)?;
        if !uri.starts_with("file:///") || !uri.ends_with('/') {
            return Err(format!("{at}: `{uri}` is not an absolute directory URI"));
        }
        base_ids.insert(id.clone());
    }
    // The tool and its rules.
    let tool = object(&run["tool"], "tool", &["driver"], "tool")?;
    let driver = object(
        &tool["driver"],
        "toolComponent",
        &["name", "version", "rules"],
        "tool.driver",
    )?;
    if driver["name"] != "vnea" {
        return Err(format!("tool.driver.name is {}", driver["name"]));
    }
    if driver.contains_key("informationUri") {
        return Err("tool.driver.informationUri: vnea has no web site to name".into());
    }
    let rules = array(&driver["rules"], "tool.driver.rules")?;
    let mut ids = Vec::new();
    for (i, rule) in rules.iter().enumerate() {
        let at = format!("rules[{i}]");
        let map = object(
            rule,
            "reportingDescriptor",
            &[
                "id",
                "name",
                "shortDescription",
                "fullDescription",
                "help",
                "defaultConfiguration",
                "properties",
            ],
            &at,
        )?;
        let id = map["id"].as_str().ok_or(format!("{at}.id: not a string"))?;
        if ids.contains(&id) {
            return Err(format!("{at}: rule id `{id}` is not unique"));
        }
        ids.push(id);
        let name = map["name"].as_str().unwrap_or_default();
        if name.is_empty()
            || !name.starts_with(|c: char| c.is_ascii_uppercase())
            || !name.chars().all(|c| c.is_ascii_alphanumeric())
        {
            return Err(format!("{at}.name `{name}` is not PascalCase"));
        }
        non_empty_text(
            &map["shortDescription"],
            "multiformatMessageString",
            &format!("{at}.shortDescription"),
        )?;
        non_empty_text(
            &map["fullDescription"],
            "multiformatMessageString",
            &format!("{at}.fullDescription"),
        )?;
        let help = object(
            &map["help"],
            "multiformatMessageString",
            &["text", "markdown"],
            &format!("{at}.help"),
        )?;
        if help["text"].as_str().unwrap_or_default().is_empty()
            || help["markdown"].as_str().unwrap_or_default().is_empty()
        {
            return Err(format!("{at}.help: empty"));
        }
        let configuration = object(
            &map["defaultConfiguration"],
            "reportingConfiguration",
            &["level"],
            &format!("{at}.defaultConfiguration"),
        )?;
        level(
            &configuration["level"],
            &format!("{at}.defaultConfiguration.level"),
        )?;
        let tags = array(&map["properties"]["tags"], &format!("{at}.properties.tags"))?;
        if !tags.iter().all(Value::is_string) || tags.first() != Some(&json!("vnea")) {
            return Err(format!("{at}.properties.tags: {tags:?}"));
        }
    }
    // The invocation.
    let invocations = array(&run["invocations"], "invocations")?;
    for (i, invocation) in invocations.iter().enumerate() {
        let at = format!("invocations[{i}]");
        let map = object(invocation, "invocation", &["executionSuccessful"], &at)?;
        if !map["executionSuccessful"].is_boolean() {
            return Err(format!("{at}.executionSuccessful: not a boolean"));
        }
        if let Some(notifications) = map.get("toolExecutionNotifications") {
            for (j, notification) in array(notifications, &at)?.iter().enumerate() {
                let at = format!("{at}.toolExecutionNotifications[{j}]");
                let map = object(notification, "notification", &["message"], &at)?;
                non_empty_text(&map["message"], "message", &format!("{at}.message"))?;
                level(&map["level"], &format!("{at}.level"))?;
            }
        }
    }
    // The results.
    for (i, result) in array(&run["results"], "results")?.iter().enumerate() {
        let at = format!("results[{i}]");
        let map = object(
            result,
            "result",
            &["ruleId", "ruleIndex", "level", "message", "locations"],
            &at,
        )?;
        let rule_id = map["ruleId"].as_str().unwrap_or_default();
        let index = map["ruleIndex"]
            .as_u64()
            .ok_or(format!("{at}.ruleIndex: not an index"))? as usize;
        if !ids.contains(&rule_id) {
            return Err(format!(
                "{at}: ruleId `{rule_id}` is not a rule of the driver"
            ));
        }
        if ids.get(index) != Some(&rule_id) {
            return Err(format!(
                "{at}: ruleIndex {index} is not the index of `{rule_id}`"
            ));
        }
        level(&map["level"], &format!("{at}.level"))?;
        non_empty_text(&map["message"], "message", &format!("{at}.message"))?;
        let locations = array(&map["locations"], &format!("{at}.locations"))?;
        if locations.len() != 1 {
            return Err(format!("{at}: {} locations, not one", locations.len()));
        }
        let location = object(
            &locations[0],
            "location",
            &["physicalLocation"],
            &format!("{at}.locations[0]"),
        )?;
        physical_location(
            &location["physicalLocation"],
            &base_ids,
            &format!("{at}.locations[0].physicalLocation"),
        )?;
        if let Some(related) = map.get("relatedLocations") {
            let mut seen = BTreeSet::new();
            for (j, location) in array(related, &at)?.iter().enumerate() {
                let at = format!("{at}.relatedLocations[{j}]");
                let location = object(location, "location", &["id", "physicalLocation"], &at)?;
                if !seen.insert(location["id"].as_u64()) {
                    return Err(format!("{at}: id not unique"));
                }
                physical_location(
                    &location["physicalLocation"],
                    &base_ids,
                    &format!("{at}.physicalLocation"),
                )?;
            }
        }
        if let Some(fixes) = map.get("fixes") {
            for (j, fix) in array(fixes, &at)?.iter().enumerate() {
                let at = format!("{at}.fixes[{j}]");
                let fix = object(fix, "fix", &["artifactChanges", "description"], &at)?;
                non_empty_text(&fix["description"], "message", &format!("{at}.description"))?;
                let changes = array(&fix["artifactChanges"], &at)?;
                if changes.is_empty() {
                    return Err(format!("{at}: no artifactChanges"));
                }
                for (k, change) in changes.iter().enumerate() {
                    let at = format!("{at}.artifactChanges[{k}]");
                    let change = object(
                        change,
                        "artifactChange",
                        &["artifactLocation", "replacements"],
                        &at,
                    )?;
                    artifact_location(
                        &change["artifactLocation"],
                        &base_ids,
                        &format!("{at}.artifactLocation"),
                    )?;
                    let replacements = array(&change["replacements"], &at)?;
                    if replacements.is_empty() {
                        return Err(format!("{at}: no replacements"));
                    }
                    for (l, replacement) in replacements.iter().enumerate() {
                        let at = format!("{at}.replacements[{l}]");
                        let replacement =
                            object(replacement, "replacement", &["deletedRegion"], &at)?;
                        region(
                            &replacement["deletedRegion"],
                            &format!("{at}.deletedRegion"),
                        )?;
                        if let Some(content) = replacement.get("insertedContent") {
                            object(content, "artifactContent", &["text"], &at)?;
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

#[test]
fn the_validator_catches_what_github_rejects() {
    let dir = tree(&[("a.vnea", b"actor a { type: }\n")]);
    let (_, log) = check_sarif(dir.path(), &[]);
    let broken = |edit: &dyn Fn(&mut Value)| {
        let mut copy = log.clone();
        edit(&mut copy);
        validate(&copy).expect_err("the validator accepts a broken log")
    };
    broken(&|v| v["version"] = json!("2.0.0"));
    broken(&|v| v["runs"][0]["results"][0]["ruleId"] = json!("no-such-rule"));
    broken(&|v| v["runs"][0]["results"][0]["ruleIndex"] = json!(3));
    broken(&|v| v["runs"][0]["results"][0]["level"] = json!("info"));
    broken(&|v| {
        v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] =
            json!(0)
    });
    broken(&|v| {
        v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
            json!("kiến trúc.vnea")
    });
    broken(&|v| v["runs"][0]["results"][0]["ruleID"] = json!("syntax-error"));
    broken(&|v| v["runs"][0]["tool"]["driver"]["informationUri"] = json!("https://x"));
    broken(&|v| {
        let rules = v["runs"][0]["tool"]["driver"]["rules"]
            .as_array_mut()
            .unwrap();
        let first = rules[0].clone();
        rules.push(first);
    });
}

// ---- outputs ----------------------------------------------------------------------------------

#[test]
fn sarif_of_a_small_run() {
    let dir = tree(&[
        (
            "vnea.toml",
            b"[workspace]\nframework = \"3.0\"\n\n[rules]\nmissing_owner = \"off\"\n",
        ),
        (
            "kiến trúc.vnea",
            "actor nguoi_dan \"Người dân\" { type: }\nchannel 🏛 \"Cổng\"\n".as_bytes(),
        ),
        ("hop_le.vnea", b"actor a \"A\" { type: citizen }\n"),
    ]);
    let (code, stdout, _) = vnea(dir.path(), &["check", "--format", "sarif"]);
    assert_eq!(code, 1);
    let log: Value = serde_json::from_str(&stdout).unwrap();
    validate(&log).unwrap();
    // The snapshot is the text as printed, without the directory the run was in, the version
    // and the rules' long texts (`every_rule_is_described_and_results_point_at_them`).
    let base = log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        base.starts_with("file:///") && base.ends_with('/'),
        "{base}"
    );
    let mut text = stdout.replace(base, "file:///[cwd]/").replace(
        &format!("\"{}\"", env!("CARGO_PKG_VERSION")),
        "\"[version]\"",
    );
    let rules_start = text.find("\"rules\": [").unwrap();
    let rules_end = rules_start + text[rules_start..].find("\n          ]").unwrap();
    text.replace_range(
        rules_start..rules_end + "\n          ]".len(),
        "\"rules\": [ … every rule … ]",
    );
    assert_snapshot!(text);
}

#[test]
fn every_rule_is_described_and_results_point_at_them() {
    let dir = tree(&[("a.vnea", b"actor a { type: }\n")]);
    let (_, log) = check_sarif(dir.path(), &["--lang", "en"]);
    let (_, rules) = vnea_json(dir.path(), &["rules", "--format", "json", "--lang", "en"]);
    let described: Vec<&Value> = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .collect();
    let registry = rules["rules"].as_array().unwrap();
    assert_eq!(described.len(), registry.len());
    for (sarif, rule) in described.iter().zip(registry) {
        assert_eq!(sarif["id"], rule["name"]);
        assert_eq!(sarif["shortDescription"]["text"], rule["summary"]);
        assert_eq!(sarif["fullDescription"]["text"], rule["explanation"]);
        let level = match rule["default_severity"].as_str().unwrap() {
            "info" | "hint" => "note",
            other => other,
        };
        assert_eq!(sarif["defaultConfiguration"]["level"], level);
        assert_eq!(
            sarif["properties"]["tags"],
            json!(["vnea", rule["category"]])
        );
        let help = sarif["help"]["text"].as_str().unwrap();
        assert!(help.contains(rule["source"].as_str().unwrap()), "{help}");
        assert!(help.ends_with(&format!(
            "Documentation: {}",
            rule["help"].as_str().unwrap()
        )));
        let markdown = sarif["help"]["markdown"].as_str().unwrap();
        if !rule["example"].is_null() {
            assert!(markdown.contains("```"), "{markdown}");
        }
    }
    assert!(
        described
            .iter()
            .any(|r| r["id"] == "missing-lgsp" && r["name"] == "MissingLgsp")
    );
}

#[test]
fn positions_agree_with_the_json_output() {
    let dir = tree(&[
        (
            "a.vnea",
            "// Tỉnh 😀\r\nactor a { type: }\rbad ~\n".as_bytes(),
        ),
        ("sub/b c.vnea", b"\xef\xbb\xbfactor \"x\"\n"),
        ("vnea.toml", b"[rules]\nunused-elemnt = \"off\"\n"),
    ]);
    let (_, json) = vnea_json(dir.path(), &["check", "--format", "json"]);
    let (_, sarif) = check_sarif(dir.path(), &[]);
    let from_json: Vec<String> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let r = &d["range"];
            format!(
                "{} {}:{}-{}:{} {} {}",
                d["file"].as_str().unwrap().replace(' ', "%20"),
                r["start"]["line"],
                r["start"]["column"],
                r["end"]["line"],
                r["end"]["column"],
                d["rule"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            )
        })
        .collect();
    let from_sarif: Vec<String> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let location = &r["locations"][0]["physicalLocation"];
            let region = &location["region"];
            format!(
                "{} {}:{}-{}:{} {} {}",
                location["artifactLocation"]["uri"].as_str().unwrap(),
                region["startLine"],
                region["startColumn"],
                region["endLine"],
                region["endColumn"],
                r["ruleId"].as_str().unwrap(),
                r["message"]["text"].as_str().unwrap()
            )
        })
        .collect();
    assert!(from_json.len() >= 4, "{from_json:#?}");
    assert_eq!(from_sarif, from_json);
}

#[test]
fn files_outside_the_current_directory_and_invalid_encoding() {
    let dir = tree(&[
        ("ws/vnea.toml", b"[rules]\nmissing-architecture = \"off\"\n"),
        ("ws/a.vnea", b"actor a { type: }\n"),
        ("ws/cu.vnea", b"actor nguoi_dan \"Ng\xfd\xf2i d\xe2n\"\n"),
        ("here/.keep", b""),
    ]);
    let here = dir.path().join("here");
    let (code, log) = check_sarif(&here, &["../ws"]);
    assert_eq!(code, 1);
    let uris: Vec<&str> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(uris, ["../ws/a.vnea", "../ws/cu.vnea"]);
    assert_eq!(
        log["runs"][0]["results"][1]["ruleId"],
        json!("invalid-encoding")
    );
}

#[test]
fn a_run_has_one_language() {
    let dir = tree(&[
        (
            "vi/vnea.toml",
            b"[workspace]\nlanguage = \"vi\"\n[rules]\nmissing-architecture = \"off\"\n",
        ),
        ("vi/a.vnea", b"actor a { type: }\n"),
        (
            "en/vnea.toml",
            b"[workspace]\nlanguage = \"en\"\nfoo = 1\n[rules]\nmissing-architecture = \"off\"\n",
        ),
        ("en/a.vnea", b"actor a { type: }\n"),
    ]);
    let messages = |log: &Value| -> Vec<String> {
        log["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["message"]["text"].as_str().unwrap().to_owned())
            .collect()
    };
    // The workspaces disagree: the run is in Vietnamese, `vnea.toml`'s messages too.
    let (_, log) = check_sarif(dir.path(), &[]);
    assert_eq!(log["runs"][0]["language"], "vi");
    assert_eq!(
        messages(&log),
        [
            "cần giá trị nhưng gặp `}`",
            "khóa `foo` không được hỗ trợ trong `[workspace]`; chỉ dùng `framework`, `packs` hoặc `language`",
            "cần giá trị nhưng gặp `}`",
        ]
    );
    assert_eq!(
        log["runs"][0]["tool"]["driver"]["rules"][0]["shortDescription"]["text"],
        "Lỗi từ vựng hoặc cú pháp trong tệp .vnea"
    );
    // They agree, or --lang says.
    let (_, log) = check_sarif(&dir.path().join("en"), &[]);
    assert_eq!(log["runs"][0]["language"], "en");
    assert_eq!(messages(&log)[0], "expected value, found `}`");
    let (_, log) = check_sarif(dir.path(), &["--lang", "en"]);
    assert_eq!(log["runs"][0]["language"], "en");
    assert!(
        messages(&log).iter().all(|m| m.is_ascii()),
        "{:?}",
        messages(&log)
    );
}

#[test]
fn failures_make_an_unsuccessful_invocation() {
    let dir = tree(&[
        ("vnea.toml", b"[rules]\nmissing-architecture = \"off\"\n"),
        ("a.vnea", b"actor a \"A\" { type: citizen }\n"),
    ]);
    let (code, log) = check_sarif(dir.path(), &["khong_co", "a.vnea", "--lang", "en"]);
    assert_eq!(code, 2);
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert_eq!(
        invocation["toolExecutionNotifications"],
        json!([{"level": "error", "message": {"text": "`khong_co` does not exist"}}])
    );
    let (code, log) = check_sarif(dir.path(), &[]);
    assert_eq!(code, 0);
    assert_eq!(
        log["runs"][0]["invocations"],
        json!([{"executionSuccessful": true}])
    );
    assert_eq!(log["runs"][0]["results"], json!([]));
}

#[test]
fn the_examples_give_a_valid_log() {
    let examples = common::repository().join("examples");
    let (code, stdout, stderr) = vnea(&examples, &["check", "--format", "sarif"]);
    assert_eq!(code, 0, "{stderr}");
    let log: Value = serde_json::from_str(&stdout).unwrap();
    validate(&log).unwrap();
}
