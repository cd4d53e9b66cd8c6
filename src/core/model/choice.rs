//! The names of the model's choices, as JSON writes them (`"coachAndClient"`, `"twiceAYear"`):
//! the same rule as serde's (`camelCase` of the variant), from strum's `IntoStaticStr` derive
//! on each type, so there is no table of names to keep in step (a test compares the two for
//! every variant).

use super::*;

impl SectionId {
    /// The name used in JSON, in field paths and in the catalogue's keys.
    pub fn key(self) -> &'static str {
        self.into()
    }
}

impl RelationshipKind {
    /// The name used in JSON and in the `relationship` attribute.
    pub fn key(self) -> &'static str {
        self.into()
    }
}

impl Frequency {
    /// The name used in JSON and in the catalogue's keys.
    pub fn key(self) -> &'static str {
        self.into()
    }
}

impl ChannelUsage {
    /// The name used in JSON, and the value of its choice in the form.
    pub fn key(self) -> &'static str {
        self.into()
    }
}

impl UpdateStyle {
    /// The name used in JSON, and the value of its choice in the form.
    pub fn key(self) -> &'static str {
        self.into()
    }
}

impl AssumptionStatus {
    /// The name used in JSON, and the value of its choice in the form.
    pub fn key(self) -> &'static str {
        self.into()
    }
}

impl NeedOrOfferKind {
    /// The name used in JSON and in the catalogue's keys.
    pub fn key(self) -> &'static str {
        self.into()
    }
}

impl When {
    /// The name of its kind in JSON (`"date"`, `"after"`), and the value of its choice.
    pub fn key(&self) -> &'static str {
        self.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::date::Date;

    fn serde_name<T: serde::Serialize>(value: &T) -> String {
        match serde_json::to_value(value) {
            Ok(serde_json::Value::String(s)) => s,
            other => panic!("not a name: {other:?}"),
        }
    }

    #[test]
    fn every_key_is_the_name_serde_writes() {
        let mut checked = 0;
        let mut same = |key: &str, serde: String| {
            assert_eq!(key, serde);
            checked += 1;
        };
        for s in SectionId::ALL {
            same(s.key(), serde_name(&s));
        }
        for k in RelationshipKind::ALL {
            same(k.key(), serde_name(&k));
        }
        for f in Frequency::ALL {
            same(f.key(), serde_name(&f));
        }
        for u in [ChannelUsage::Use, ChannelUsage::Avoid] {
            same(u.key(), serde_name(&u));
        }
        for s in [UpdateStyle::FrequentDetail, UpdateStyle::PeriodicSummary] {
            same(s.key(), serde_name(&s));
        }
        for s in [
            AssumptionStatus::Unchecked,
            AssumptionStatus::Confirmed,
            AssumptionStatus::Revised,
            AssumptionStatus::Dropped,
        ] {
            same(s.key(), serde_name(&s));
        }
        for k in [NeedOrOfferKind::Need, NeedOrOfferKind::Offer] {
            same(k.key(), serde_name(&k));
        }
        for w in [
            When::Date {
                date: Date::parse("2026-12-07").expect("a date"),
            },
            When::After {
                event: "launch".into(),
            },
        ] {
            let tagged = serde_json::to_value(&w).expect("written");
            same(
                w.key(),
                tagged["kind"].as_str().unwrap_or_default().to_string(),
            );
        }
        assert_eq!(checked, 11 + 10 + 7 + 2 + 2 + 4 + 2 + 2);
        assert_eq!(Frequency::TwiceAYear.key(), "twiceAYear");
    }
}
