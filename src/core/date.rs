//! Calendar dates and UTC timestamps, small and dependency-free.
//!
//! Dates are civil dates (`2026-11-23`), serialised as ISO 8601 `YYYY-MM-DD`. Timestamps are
//! UTC instants with one-second precision, serialised as `YYYY-MM-DDTHH:MM:SSZ`; on input any
//! RFC 3339 offset and fractional seconds are accepted and normalised.

use std::fmt;

/// A calendar date without time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// An instant, in whole seconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Timestamp(i64);

/// Days in `month` of `year`.
fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl Date {
    /// A date, if it exists (years 1 to 9999).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        ((1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month))
        .then_some(Self { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's civil-date algorithm.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01; `None` outside years 1 to 9999.
    pub fn from_days_since_epoch(days: i64) -> Option<Self> {
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = u8::try_from(doy - (153 * mp + 2) / 5 + 1).ok()?;
        let month = u8::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).ok()?;
        let year = i32::try_from(yoe + era * 400 + i64::from(month <= 2)).ok()?;
        Self::new(year, month, day)
    }

    /// This date moved by `days` (saturating at the ends of the supported range).
    pub fn add_days(self, days: i64) -> Self {
        Self::from_days_since_epoch(self.days_since_epoch().saturating_add(days)).unwrap_or(self)
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        u8::try_from((self.days_since_epoch() + 3).rem_euclid(7)).unwrap_or(0)
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = digits::<u32>(s.get(0..4)?)?;
        let month = digits::<u32>(s.get(5..7)?)?;
        let day = digits::<u32>(s.get(8..10)?)?;
        Self::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// `YYYYMMDD`, as calendar files write dates.
    pub fn compact(self) -> String {
        format!("{:04}{:02}{:02}", self.year, self.month, self.day)
    }
}

/// Parses a run of ASCII digits (no sign, no spaces): std's parser, once a sign is ruled out.
pub fn digits<T: std::str::FromStr>(s: &str) -> Option<T> {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Timestamp {
    pub fn from_unix_seconds(secs: i64) -> Self {
        Self(secs)
    }

    /// From milliseconds since the epoch, as JavaScript's `Date.now()` gives them.
    pub fn from_unix_millis(ms: f64) -> Self {
        if ms.is_finite() {
            // Saturating float-to-int conversion is what we want for absurd clocks.
            Self((ms / 1000.0).floor() as i64)
        } else {
            Self(0)
        }
    }

    pub fn unix_seconds(self) -> i64 {
        self.0
    }

    /// The UTC calendar date of this instant.
    pub fn date(self) -> Date {
        Date::from_days_since_epoch(self.0.div_euclid(86_400)).unwrap_or(Date {
            year: 1970,
            month: 1,
            day: 1,
        })
    }

    /// Hours, minutes and seconds (UTC).
    pub fn time_of_day(self) -> (u8, u8, u8) {
        let s = self.0.rem_euclid(86_400);
        let h = u8::try_from(s / 3600).unwrap_or(0);
        let m = u8::try_from((s % 3600) / 60).unwrap_or(0);
        let sec = u8::try_from(s % 60).unwrap_or(0);
        (h, m, sec)
    }

    /// `YYYYMMDDTHHMMSSZ`, as calendar files write UTC times.
    pub fn compact(self) -> String {
        let (h, m, s) = self.time_of_day();
        format!("{}T{h:02}{m:02}{s:02}Z", self.date().compact())
    }

    /// Parses RFC 3339 (`2026-11-23T14:02:00Z`, `2026-11-23T15:02:00.5+01:00`).
    pub fn parse(s: &str) -> Option<Self> {
        if !s.is_ascii() || s.len() < 20 {
            return None;
        }
        let date = Date::parse(s.get(0..10)?)?;
        let sep = s.as_bytes()[10];
        if !matches!(sep, b'T' | b't' | b' ') {
            return None;
        }
        let rest = s.get(11..)?;
        let b = rest.as_bytes();
        if b.len() < 9 || b[2] != b':' || b[5] != b':' {
            return None;
        }
        let h = i64::from(digits::<u32>(rest.get(0..2)?)?);
        let m = i64::from(digits::<u32>(rest.get(3..5)?)?);
        let sec = i64::from(digits::<u32>(rest.get(6..8)?)?);
        if h > 23 || m > 59 || sec > 60 {
            return None;
        }
        let mut tail = rest.get(8..)?;
        if let Some(frac) = tail.strip_prefix(".") {
            let n = frac.bytes().take_while(u8::is_ascii_digit).count();
            if n == 0 {
                return None;
            }
            tail = frac.get(n..)?;
        }
        let offset = match tail {
            "Z" | "z" => 0,
            _ => {
                let tb = tail.as_bytes();
                if tb.len() != 6 || tb[3] != b':' || !matches!(tb[0], b'+' | b'-') {
                    return None;
                }
                let oh = i64::from(digits::<u32>(tail.get(1..3)?)?);
                let om = i64::from(digits::<u32>(tail.get(4..6)?)?);
                if oh > 23 || om > 59 {
                    return None;
                }
                let sign = if tb[0] == b'-' { -1 } else { 1 };
                sign * (oh * 3600 + om * 60)
            }
        };
        Some(Self(
            date.days_since_epoch() * 86_400 + h * 3600 + m * 60 + sec.min(59) - offset,
        ))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (h, m, s) = self.time_of_day();
        write!(f, "{}T{h:02}:{m:02}:{s:02}Z", self.date())
    }
}

/// A time of day, `HH:MM` (24-hour clock, the person's local time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay {
    hour: u8,
    minute: u8,
}

impl TimeOfDay {
    pub fn new(hour: u8, minute: u8) -> Option<Self> {
        (hour < 24 && minute < 60).then_some(Self { hour, minute })
    }
    pub fn hour(self) -> u8 {
        self.hour
    }
    pub fn minute(self) -> u8 {
        self.minute
    }
    pub fn parse(s: &str) -> Option<Self> {
        if s.len() != 5 || s.as_bytes().get(2) != Some(&b':') {
            return None;
        }
        let two = |r| digits::<u8>(s.get(r)?);
        Self::new(two(0..2)?, two(3..5)?)
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

/// How dates and times read for a person. The browser writes them in the person's own language
/// and conventions (`Intl`); files and tests use [`Iso`].
pub trait Dates {
    /// A calendar date, such as "1 December 2026".
    fn date(&self, d: Date) -> String;
    /// A time of day, such as "8:30 am".
    fn time(&self, t: TimeOfDay) -> String;
}

/// Dates and times as ISO 8601 writes them: 2026-12-01, 08:30.
pub struct Iso;

impl Dates for Iso {
    fn date(&self, d: Date) -> String {
        d.to_string()
    }
    fn time(&self, t: TimeOfDay) -> String {
        t.to_string()
    }
}

/// Dates and times are written as ISO 8601 text, and each is checked as it is read.
mod serde_impls {
    use super::{Date, TimeOfDay, Timestamp};
    use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

    impl Serialize for Date {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_str(self)
        }
    }

    impl<'de> Deserialize<'de> for Date {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let s = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
            Date::parse(&s)
                .ok_or_else(|| de::Error::custom(crate::core::text::detail::not_a_date(&s)))
        }
    }

    impl Serialize for TimeOfDay {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_str(self)
        }
    }

    impl<'de> Deserialize<'de> for TimeOfDay {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let s = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
            TimeOfDay::parse(&s)
                .ok_or_else(|| de::Error::custom(crate::core::text::detail::not_a_time(&s)))
        }
    }

    impl Serialize for Timestamp {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_str(self)
        }
    }

    impl<'de> Deserialize<'de> for Timestamp {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let s = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
            Timestamp::parse(&s)
                .ok_or_else(|| de::Error::custom(crate::core::text::detail::not_a_timestamp(&s)))
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod schema {
    use super::{Date, TimeOfDay, Timestamp};
    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
    use std::borrow::Cow;

    impl JsonSchema for Date {
        fn schema_name() -> Cow<'static, str> {
            "Date".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": "string",
                "format": "date",
                "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                "description": "A calendar date, ISO 8601 (YYYY-MM-DD)."
            })
        }
    }

    impl JsonSchema for TimeOfDay {
        fn schema_name() -> Cow<'static, str> {
            "TimeOfDay".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": "string",
                "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$",
                "description": "A local time of day, HH:MM (24-hour clock)."
            })
        }
    }

    impl JsonSchema for Timestamp {
        fn schema_name() -> Cow<'static, str> {
            "Timestamp".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": "string",
                "format": "date-time",
                "description": "A UTC instant, ISO 8601 / RFC 3339 (YYYY-MM-DDTHH:MM:SSZ)."
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_through_day_numbers() {
        for days in [-719_162, -1, 0, 1, 59, 365, 10_957, 20_780, 2_932_896] {
            let d = Date::from_days_since_epoch(days).unwrap();
            assert_eq!(d.days_since_epoch(), days, "{d}");
        }
        assert_eq!(
            Date::from_days_since_epoch(0).unwrap().to_string(),
            "1970-01-01"
        );
        assert_eq!(
            Date::parse("2026-11-23").unwrap().days_since_epoch(),
            20_780
        );
    }

    #[test]
    fn invalid_dates_are_refused() {
        for s in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-01",
            "26-01-01",
            "2026/01/01",
            "+026-01-01",
            "",
        ] {
            assert_eq!(Date::parse(s), None, "{s}");
        }
        assert!(Date::parse("2024-02-29").is_some());
    }

    #[test]
    fn weekdays_are_right() {
        assert_eq!(Date::parse("2026-11-23").unwrap().weekday(), 0, "a Monday");
        assert_eq!(
            Date::parse("1970-01-01").unwrap().weekday(),
            3,
            "a Thursday"
        );
        assert_eq!(
            Date::parse("2000-01-01").unwrap().weekday(),
            5,
            "a Saturday"
        );
    }

    #[test]
    fn timestamps_parse_offsets_and_fractions() {
        let t = Timestamp::parse("2026-11-23T14:02:00Z").unwrap();
        assert_eq!(t.to_string(), "2026-11-23T14:02:00Z");
        assert_eq!(Timestamp::parse("2026-11-23T15:02:00.750+01:00"), Some(t));
        assert_eq!(Timestamp::parse("2026-11-23T09:02:00-05:00"), Some(t));
        assert_eq!(t.compact(), "20261123T140200Z");
        for bad in [
            "2026-11-23",
            "2026-11-23T25:00:00Z",
            "2026-11-23T14:02:00",
            "2026-11-23T14:02:00.Z",
            "2026-11-23T14:02:00+1:00",
        ] {
            assert_eq!(Timestamp::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn timestamps_from_javascript_milliseconds() {
        assert_eq!(
            Timestamp::from_unix_millis(1_795_442_520_999.0).unix_seconds(),
            1_795_442_520
        );
        assert_eq!(Timestamp::from_unix_millis(f64::NAN).unix_seconds(), 0);
    }
}
