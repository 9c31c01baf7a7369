//! The schema of the language (specification §5) as data: kinds, where each may stand, the
//! properties each takes, their value types, the kinds a reference accepts, enumerations, and
//! which framework version allows what. The checks read it, and so will completion.

use crate::config::Framework;

/// Where a declaration of some kind may stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parent {
    /// At the top level of a file.
    TopLevel,
    /// Inside a declaration of this kind.
    Kind(&'static str),
}

/// What a property's value must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    /// A `"..."` string.
    String,
    /// A string or a `"""..."""` text block.
    Text,
    /// A list of strings.
    StringList,
    /// One of these identifiers.
    Enum(&'static [&'static str]),
    /// A whole number in this inclusive range.
    Integer(u32, u32),
    /// A range of years, `2021..2025`.
    Period,
    /// The string `"2.0"` or `"3.0"`.
    FrameworkVersion,
    /// A path to a declaration of one of these kinds (`*`: any element).
    Ref(&'static [&'static str]),
    /// A list of such paths.
    RefList(&'static [&'static str]),
    /// A path to a node (a `category`) of this reference model, e.g. `BRM`.
    RefModel(&'static str),
}

/// A property a kind takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PropertySchema {
    /// Its name.
    pub name: &'static str,
    /// What its value must be.
    pub value: ValueType,
    /// The framework version it belongs to, if only one.
    pub only_in: Option<Framework>,
}

/// A declaration kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindSchema {
    /// The kind as written: `application`.
    pub name: &'static str,
    /// The framework's Vietnamese term: `ứng dụng`.
    pub term_vi: &'static str,
    /// The English term: `application`.
    pub term_en: &'static str,
    /// Where it may stand.
    pub parents: &'static [Parent],
    /// The properties it takes besides [`COMMON`] (and [`PACK_NODE`] in packs).
    pub properties: &'static [PropertySchema],
    /// Only framework packs may declare it.
    pub pack_only: bool,
}

const fn p(name: &'static str, value: ValueType) -> PropertySchema {
    PropertySchema {
        name,
        value,
        only_in: None,
    }
}

const fn p_in(name: &'static str, value: ValueType, framework: Framework) -> PropertySchema {
    PropertySchema {
        name,
        value,
        only_in: Some(framework),
    }
}

/// Values of `status` on elements.
pub const ELEMENT_STATUS: &[&str] = &["existing", "planned", "upgrade", "retired"];
/// Values of `status` on pack nodes.
pub const NODE_STATUS: &[&str] = &["issued", "draft", "derived"];
/// The kinds that are elements of an agency's architecture (what `delivers` may name).
pub const ELEMENTS: &[&str] = &[
    "principle",
    "actor",
    "channel",
    "service",
    "process",
    "application",
    "database",
    "platform",
    "infrastructure",
    "network",
    "control",
    "project",
];

/// Properties every kind takes.
pub const COMMON: &[PropertySchema] = &[
    p("description", ValueType::Text),
    p("tags", ValueType::StringList),
];

/// Properties every declaration of a pack takes.
pub const PACK_NODE: &[PropertySchema] = &[
    p("code", ValueType::String),
    p("source", ValueType::Text),
    p("status", ValueType::Enum(NODE_STATUS)),
];

use Parent::{Kind, TopLevel};
use ValueType::*;

/// Every kind of §5, user kinds first, then the kinds only packs declare.
pub const KINDS: &[KindSchema] = &[
    KindSchema {
        name: "architecture",
        term_vi: "kiến trúc",
        term_en: "architecture",
        parents: &[TopLevel],
        properties: &[
            p("level", Enum(&["ministry", "province", "sector"])),
            p("agency", String),
            p("framework", FrameworkVersion),
            p("version", String),
            p("period", Period),
            p("legal_basis", StringList),
            p("vision", Text),
            p("objectives", StringList),
            p("scope", Text),
            p("principles", RefList(&["principle"])),
        ],
        pack_only: false,
    },
    KindSchema {
        name: "principle",
        term_vi: "nguyên tắc",
        term_en: "principle",
        parents: &[TopLevel, Kind("category")],
        properties: &[],
        pack_only: false,
    },
    KindSchema {
        name: "actor",
        term_vi: "người sử dụng",
        term_en: "actor",
        parents: &[TopLevel],
        properties: &[p(
            "type",
            Enum(&["citizen", "business", "official", "agency", "external"]),
        )],
        pack_only: false,
    },
    KindSchema {
        name: "channel",
        term_vi: "kênh giao tiếp",
        term_en: "channel",
        parents: &[TopLevel],
        properties: &[
            p(
                "type",
                Enum(&[
                    "portal",
                    "public_service_portal",
                    "mobile_app",
                    "one_stop_shop",
                    "kiosk",
                    "call_center",
                    "email",
                    "social",
                ]),
            ),
            p("serves", RefList(&["actor"])),
        ],
        pack_only: false,
    },
    KindSchema {
        name: "service",
        term_vi: "dịch vụ",
        term_en: "service",
        parents: &[TopLevel, Kind("application")],
        properties: &[
            p("brm", RefModel("BRM")),
            p_in("online_level", Integer(1, 4), Framework::V2_0),
            p_in("mode", Enum(&["full", "partial"]), Framework::V3_0),
            p("channels", RefList(&["channel"])),
            p("actors", RefList(&["actor"])),
        ],
        pack_only: false,
    },
    KindSchema {
        name: "process",
        term_vi: "nghiệp vụ",
        term_en: "process",
        parents: &[TopLevel, Kind("process")],
        properties: &[p("brm", RefModel("BRM")), p("owner", String)],
        pack_only: false,
    },
    KindSchema {
        name: "application",
        term_vi: "ứng dụng",
        term_en: "application",
        parents: &[TopLevel, Kind("application"), Kind("category")],
        properties: &[
            p("arm", RefModel("ARM")),
            p("security_level", Integer(1, 5)),
            p("owner", String),
            p("status", Enum(ELEMENT_STATUS)),
            p("scope", Enum(&["internal", "shared", "specialized"])),
            p("databases", RefList(&["database"])),
            p("hosted_on", Ref(&["infrastructure"])),
        ],
        pack_only: false,
    },
    KindSchema {
        name: "database",
        term_vi: "cơ sở dữ liệu",
        term_en: "database",
        parents: &[TopLevel, Kind("application"), Kind("category")],
        properties: &[
            p("drm", RefModel("DRM")),
            p(
                "type",
                Enum(&["specialized", "shared", "open", "internal", "national"]),
            ),
            p("owner", String),
            p("status", Enum(ELEMENT_STATUS)),
        ],
        pack_only: false,
    },
    KindSchema {
        name: "platform",
        term_vi: "nền tảng",
        term_en: "platform",
        parents: &[TopLevel, Kind("category")],
        properties: &[
            p(
                "type",
                Enum(&["lgsp", "ngsp", "identity", "payment", "messaging", "other"]),
            ),
            p("arm", RefModel("ARM")),
            p("security_level", Integer(1, 5)),
            p("owner", String),
            p("status", Enum(ELEMENT_STATUS)),
            p("hosted_on", Ref(&["infrastructure"])),
        ],
        pack_only: false,
    },
    KindSchema {
        name: "infrastructure",
        term_vi: "hạ tầng kỹ thuật",
        term_en: "infrastructure",
        parents: &[TopLevel, Kind("infrastructure"), Kind("category")],
        properties: &[
            p("trm", RefModel("TRM")),
            p(
                "type",
                Enum(&["datacenter", "cloud", "server", "endpoint", "other"]),
            ),
            p("owner", String),
            p("status", Enum(ELEMENT_STATUS)),
        ],
        pack_only: false,
    },
    KindSchema {
        name: "network",
        term_vi: "mạng",
        term_en: "network",
        parents: &[TopLevel, Kind("category")],
        properties: &[
            p("type", Enum(&["dedicated", "internet", "lan", "wan"])),
            p("trm", RefModel("TRM")),
            p("owner", String),
        ],
        pack_only: false,
    },
    KindSchema {
        name: "control",
        term_vi: "biện pháp an toàn thông tin",
        term_en: "security control",
        parents: &[TopLevel],
        properties: &[
            p("srm", RefModel("SRM")),
            p(
                "covers",
                RefList(&["application", "platform", "database", "infrastructure"]),
            ),
        ],
        pack_only: false,
    },
    KindSchema {
        name: "project",
        term_vi: "nhiệm vụ, dự án",
        term_en: "project",
        parents: &[TopLevel],
        properties: &[
            p("period", Period),
            p("delivers", RefList(&["*"])),
            p("depends_on", RefList(&["project"])),
            p("budget", String),
        ],
        pack_only: false,
    },
    KindSchema {
        name: "framework",
        term_vi: "khung kiến trúc",
        term_en: "framework",
        parents: &[TopLevel],
        properties: &[p("version", FrameworkVersion)],
        pack_only: true,
    },
    KindSchema {
        name: "refmodel",
        term_vi: "mô hình tham chiếu",
        term_en: "reference model",
        parents: &[TopLevel],
        properties: &[],
        pack_only: true,
    },
    KindSchema {
        name: "category",
        term_vi: "nhóm",
        term_en: "category",
        parents: &[TopLevel, Kind("refmodel"), Kind("category"), Kind("extend")],
        properties: &[],
        pack_only: true,
    },
];

/// The kind that adds members to a declaration of a pack: `extend BRM { category ... }`.
pub const EXTEND: &str = "extend";

/// Properties of a relation's block.
pub const RELATION: &[PropertySchema] = &[
    p("via", Ref(&["platform"])),
    p("network", Ref(&["network"])),
    p("data", RefList(&["database"])),
    p("protocol", String),
    p("description", Text),
];

/// The schema of the kind called `name`.
pub fn kind(name: &str) -> Option<&'static KindSchema> {
    KINDS.iter().find(|k| k.name == name)
}

/// The property `name` of a declaration of `kind`, in a pack file or not. In packs, the
/// properties of pack nodes come first: a pack's `status` is `issued`, `draft` or `derived`.
pub fn property(kind: &KindSchema, name: &str, in_pack: bool) -> Option<&'static PropertySchema> {
    let pack: &'static [PropertySchema] = if in_pack { PACK_NODE } else { &[] };
    pack.iter()
        .chain(kind.properties)
        .chain(COMMON)
        .find(|p| p.name == name)
}

/// Every property name `kind` takes, for suggestions.
pub fn property_names(kind: &KindSchema, in_pack: bool) -> impl Iterator<Item = &'static str> {
    kind.properties
        .iter()
        .chain(COMMON)
        .chain(if in_pack { PACK_NODE } else { &[] })
        .map(|p| p.name)
}

/// Whether a declaration of `kind` may stand inside one of `parent` (`None`: top level).
pub fn allowed_in(kind: &KindSchema, parent: Option<&str>) -> bool {
    kind.parents.iter().any(|p| match (p, parent) {
        (Parent::TopLevel, None) => true,
        (Parent::Kind(k), Some(parent)) => *k == parent,
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_unique_and_parents_exist() {
        for k in KINDS {
            assert_eq!(KINDS.iter().filter(|o| o.name == k.name).count(), 1);
            for parent in k.parents {
                if let Parent::Kind(name) = parent {
                    assert!(kind(name).is_some() || *name == EXTEND, "{name}");
                }
            }
            for prop in k.properties {
                if let ValueType::Ref(kinds) | ValueType::RefList(kinds) = prop.value {
                    for target in kinds {
                        assert!(*target == "*" || kind(target).is_some(), "{target}");
                    }
                }
            }
        }
    }

    #[test]
    fn versions_gate_the_service_level() {
        let service = kind("service").unwrap();
        assert_eq!(
            property(service, "online_level", false).unwrap().only_in,
            Some(Framework::V2_0)
        );
        assert_eq!(
            property(service, "mode", false).unwrap().only_in,
            Some(Framework::V3_0)
        );
        assert!(property(service, "code", false).is_none());
        assert!(property(service, "code", true).is_some());
    }
}
