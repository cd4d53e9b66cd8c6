//! The format's own string types: ids, owners and the ignored isMe, each checked as it is read.

#[allow(unused_imports)]
use super::*;

/// A stable identifier of an alliance or of one item in a list: 1 to 64 characters from
/// `A-Z a-z 0-9 _ -`. The word `everyone` is reserved (it names all parties as an owner).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(pub(super) String);

/// The reserved owner meaning "all of us".
pub const EVERYONE: &str = "everyone";

impl Id {
    /// An id, if `s` is a valid one.
    pub fn new(s: impl Into<String>) -> Option<Self> {
        let s = s.into();
        Self::is_valid(&s).then_some(Self(s))
    }

    /// The id of a new alliance, from a random number (always valid).
    pub fn for_alliance(n: u64) -> Self {
        Self(format!("alliance-{:012x}", n & 0xffff_ffff_ffff))
    }

    pub fn is_valid(s: &str) -> bool {
        (1..=64).contains(&s.len())
            && s != EVERYONE
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Who a commitment, assumption or permission belongs to: one party, or all of us.
/// In JSON: the party's id, or the string `"everyone"`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Owner {
    Everyone,
    Party(Id),
}

impl Owner {
    pub fn party(&self) -> Option<&Id> {
        match self {
            Owner::Everyone => None,
            Owner::Party(id) => Some(id),
        }
    }
}

/// The `isMe` member of a party: written as `false`, read whatever it says and ignored. Which
/// person is "me" is a fact about a browser, never about the alliance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct NotMe;

#[cfg(not(target_arch = "wasm32"))]
mod id_schema {
    use super::{Id, NotMe, Owner};
    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
    use std::borrow::Cow;

    impl JsonSchema for Id {
        fn schema_name() -> Cow<'static, str> {
            "Id".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": "string",
                "pattern": "^[A-Za-z0-9_-]{1,64}$",
                "not": { "const": "everyone" },
                "description": "A stable id: 1 to 64 letters, digits, '-' or '_' (not \"everyone\")."
            })
        }
    }

    impl JsonSchema for Owner {
        fn schema_name() -> Cow<'static, str> {
            "Owner".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": "string",
                "pattern": "^[A-Za-z0-9_-]{1,64}$",
                "description": "The id of a party, or \"everyone\"."
            })
        }
    }

    impl JsonSchema for NotMe {
        fn schema_name() -> Cow<'static, str> {
            "NotMe".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": "boolean",
                "description": "Written as false, read and ignored: which person is \"me\" belongs to each browser, never to the file. Widgets before 2026-12 required this member (and wrote true for one person); files that say true stay valid."
            })
        }
    }
}

/// The format's own string types: ids, owners and times, each checked as it is read.
mod serde_impls {
    use super::*;
    use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
    use std::borrow::Cow;

    impl Serialize for Id {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(&self.0)
        }
    }

    impl<'de> Deserialize<'de> for Id {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let s = Cow::<'de, str>::deserialize(deserializer)?;
            Id::new(s.as_ref()).ok_or_else(|| de::Error::custom(invalid_id(&s)))
        }
    }

    impl Serialize for Owner {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match self {
                Owner::Everyone => serializer.serialize_str(EVERYONE),
                Owner::Party(id) => id.serialize(serializer),
            }
        }
    }

    impl<'de> Deserialize<'de> for Owner {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let s = Cow::<'de, str>::deserialize(deserializer)?;
            if s == EVERYONE {
                return Ok(Owner::Everyone);
            }
            Id::new(s.as_ref())
                .map(Owner::Party)
                .ok_or_else(|| de::Error::custom(crate::core::text::detail::not_an_owner(&s)))
        }
    }

    impl Serialize for NotMe {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_bool(false)
        }
    }

    impl<'de> Deserialize<'de> for NotMe {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            bool::deserialize(deserializer).map(|_| NotMe)
        }
    }

    fn invalid_id(s: &str) -> String {
        if s == EVERYONE {
            crate::core::text::detail::everyone_reserved().to_string()
        } else {
            crate::core::text::detail::not_an_id(s)
        }
    }
}
