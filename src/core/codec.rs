//! The JSON codec of the alliance, written by hand.
//!
//! Why not serde's derives: in WebAssembly they cost more than half of our size budget, and
//! they cannot say where in a file a problem is. The derives are still used natively to
//! generate the JSON Schema, and a property test checks that this codec and the derives
//! produce the same JSON for arbitrary alliances, so the two cannot drift apart.

use super::date::{Date, Timestamp};
use super::json_value::Json as Value;
use super::model::*;

// ------------------------------------------------------------------ writing

/// Writes JSON text: pretty (two-space indents, one member per line) or compact.
pub struct Writer {
    out: String,
    pretty: bool,
    depth: usize,
    /// Whether the current object or array has a member already.
    first: bool,
}

impl Writer {
    pub fn new(pretty: bool) -> Self {
        Writer {
            out: String::new(),
            pretty,
            depth: 0,
            first: true,
        }
    }

    pub fn finish(self) -> String {
        self.out
    }

    fn newline(&mut self) {
        if self.pretty {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str("  ");
            }
        }
    }

    fn before_value(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        self.newline();
    }

    fn open(&mut self, c: char) {
        self.out.push(c);
        self.depth += 1;
        self.first = true;
    }

    fn close(&mut self, c: char) {
        self.depth -= 1;
        if !self.first {
            self.newline();
        }
        self.out.push(c);
        self.first = false;
    }

    pub fn begin_object(&mut self) {
        self.open('{');
    }

    pub fn end_object(&mut self) {
        self.close('}');
    }

    pub fn begin_array(&mut self) {
        self.open('[');
    }

    pub fn end_array(&mut self) {
        self.close(']');
    }

    /// Starts an object member; its value follows.
    pub fn key(&mut self, key: &str) {
        self.before_value();
        self.string_raw(key);
        self.out.push(':');
        if self.pretty {
            self.out.push(' ');
        }
        // The value that follows is not a new member.
        self.first = true;
    }

    /// Starts an array element.
    pub fn element(&mut self) {
        self.before_value();
        self.first = true;
    }

    fn value_done(&mut self) {
        self.first = false;
    }

    fn string_raw(&mut self, s: &str) {
        super::json_value::write_string(&mut self.out, s);
    }

    /// A value already written as compact JSON (by [`to_compact`]), copied as it is. Only for
    /// compact writers: it is not re-indented.
    pub fn compact_json(&mut self, json: &str) {
        self.out.push_str(json);
        self.value_done();
    }

    pub fn string(&mut self, s: &str) {
        self.string_raw(s);
        self.value_done();
    }

    pub fn bool(&mut self, b: bool) {
        self.out.push_str(if b { "true" } else { "false" });
        self.value_done();
    }

    pub fn number(&mut self, n: u64) {
        self.out.push_str(&n.to_string());
        self.value_done();
    }

    pub fn null(&mut self) {
        self.out.push_str("null");
        self.value_done();
    }

    /// An object member with a string value.
    pub fn str_member(&mut self, key: &str, value: &str) {
        self.key(key);
        self.string(value);
    }
}

/// Something the codec can write.
pub trait Encode {
    fn encode(&self, w: &mut Writer);
}

impl Encode for String {
    fn encode(&self, w: &mut Writer) {
        w.string(self);
    }
}

impl Encode for bool {
    fn encode(&self, w: &mut Writer) {
        w.bool(*self);
    }
}

impl Encode for u16 {
    fn encode(&self, w: &mut Writer) {
        w.number(u64::from(*self));
    }
}

impl Encode for u32 {
    fn encode(&self, w: &mut Writer) {
        w.number(u64::from(*self));
    }
}

impl<T: Encode> Encode for Option<T> {
    fn encode(&self, w: &mut Writer) {
        match self {
            Some(v) => v.encode(w),
            None => w.null(),
        }
    }
}

impl<T: Encode> Encode for Vec<T> {
    fn encode(&self, w: &mut Writer) {
        w.begin_array();
        for item in self {
            w.element();
            item.encode(w);
        }
        w.end_array();
    }
}

/// Types written as a string (dates, ids, enum names).
macro_rules! encode_as_string {
    ($($t:ty => |$v:ident| $s:expr;)*) => {
        $(impl Encode for $t {
            fn encode(&self, w: &mut Writer) {
                let $v = self;
                w.string(&$s);
            }
        })*
    };
}

encode_as_string! {
    Id => |v| v.as_str();
    Date => |v| v.to_string();
    Timestamp => |v| v.to_string();
    TimeOfDay => |v| v.to_string();
    Owner => |v| match v { Owner::Everyone => EVERYONE, Owner::Party(id) => id.as_str() };
    RelationshipKind => |v| v.key();
    Frequency => |v| v.key();
    SectionId => |v| v.key();
    Status => |v| match v { Status::Draft => "draft", Status::Agreed => "agreed" };
    ChannelUsage => |v| match v { ChannelUsage::Use => "use", ChannelUsage::Avoid => "avoid" };
    UpdateStyle => |v| match v { UpdateStyle::FrequentDetail => "frequentDetail", UpdateStyle::PeriodicSummary => "periodicSummary" };
    NeedOrOfferKind => |v| match v { NeedOrOfferKind::Need => "need", NeedOrOfferKind::Offer => "offer" };
    AssumptionStatus => |v| assumption_status_key(*v);
}

fn assumption_status_key(s: AssumptionStatus) -> &'static str {
    match s {
        AssumptionStatus::Unchecked => "unchecked",
        AssumptionStatus::Confirmed => "confirmed",
        AssumptionStatus::Revised => "revised",
        AssumptionStatus::Dropped => "dropped",
    }
}

/// Structs written as objects, members in declaration order (as serde writes them).
macro_rules! encode_struct {
    ($($t:ty { $($key:literal => $field:ident),* $(,)? })*) => {
        $(impl Encode for $t {
            fn encode(&self, w: &mut Writer) {
                w.begin_object();
                $(
                    w.key($key);
                    self.$field.encode(w);
                )*
                w.end_object();
            }
        })*
    };
}

encode_struct! {
    Alliance {
        "id" => id, "title" => title, "relationship" => relationship,
        "relationshipNote" => relationship_note, "createdAt" => created_at, "updatedAt" => updated_at,
        "status" => status, "parties" => parties, "reflections" => reflections, "goal" => goal,
        "progress" => progress, "commitments" => commitments, "communication" => communication,
        "celebrations" => celebrations, "needsAndOffers" => needs_and_offers,
        "assumptions" => assumptions, "hardTimes" => hard_times, "decisions" => decisions,
        "keepingAlive" => keeping_alive, "agreement" => agreement,
    }
    Party { "id" => id, "name" => name, "role" => role, "isMe" => is_me }
    Reflections { "beforeYouBegin" => before_you_begin, "afterAgreeing" => after_agreeing, "atReview" => at_review }
    BeforeReflections {
        "whyThisRelationship" => why_this_relationship, "assumptionsToTest" => assumptions_to_test,
        "openingTheConversation" => opening_the_conversation,
    }
    AfterReflections { "firstStep" => first_step, "whatCouldGetInTheWay" => what_could_get_in_the_way, "howItFeels" => how_it_feels }
    ReviewReflections { "whatIsWorking" => what_is_working, "whatIsNot" => what_is_not, "whatToChange" => what_to_change }
    Goal { "what" => what, "why" => why, "pain" => pain }
    Measure { "id" => id, "signal" => signal, "howWeCheck" => how_we_check, "howOften" => how_often }
    Commitment { "id" => id, "owner" => owner, "what" => what, "when" => when }
    Communication { "channels" => channels, "checkIn" => check_in, "updates" => updates, "raisingProblems" => raising_problems }
    Channel { "id" => id, "name" => name, "purpose" => purpose, "usage" => usage }
    CheckIn { "rhythm" => rhythm, "firstOn" => first_on, "time" => time, "durationMinutes" => duration_minutes, "format" => format }
    UpdatePreference { "partyId" => party_id, "style" => style, "note" => note }
    Celebrations { "goal" => goal, "milestones" => milestones }
    Milestone { "id" => id, "milestone" => milestone, "how" => how }
    NeedOrOffer { "id" => id, "partyId" => party_id, "kind" => kind, "text" => text }
    Assumption { "id" => id, "text" => text, "heldBy" => held_by, "status" => status, "instead" => instead }
    HardTimes { "surprises" => surprises, "missedCommitments" => missed_commitments, "permissions" => permissions, "mistakes" => mistakes }
    Permission { "id" => id, "givenBy" => given_by, "text" => text }
    Decision { "id" => id, "question" => question, "options" => options, "chosen" => chosen, "why" => why }
    DecisionOption { "id" => id, "name" => name, "pros" => pros, "cons" => cons }
    KeepingAlive { "nextReview" => next_review, "reviewRhythm" => review_rhythm, "revisions" => revisions }
    Revision { "id" => id, "date" => date, "sections" => sections, "changes" => changes, "why" => why }
    Agreement { "signatures" => signatures, "lastAgreed" => last_agreed }
    Signature { "partyId" => party_id, "name" => name, "date" => date }
    AgreedVersion { "date" => date, "fingerprints" => fingerprints }
    SectionFingerprint { "section" => section, "fingerprint" => fingerprint }
}

impl Encode for When {
    fn encode(&self, w: &mut Writer) {
        w.begin_object();
        match self {
            When::Date { date } => {
                w.str_member("kind", "date");
                w.key("date");
                date.encode(w);
            }
            When::After { event } => {
                w.str_member("kind", "after");
                w.key("event");
                event.encode(w);
            }
        }
        w.end_object();
    }
}

/// A value as pretty JSON text.
pub fn to_pretty<T: Encode + ?Sized>(value: &T) -> String {
    let mut w = Writer::new(true);
    value.encode(&mut w);
    w.finish()
}

/// A value as compact JSON text.
pub fn to_compact<T: Encode + ?Sized>(value: &T) -> String {
    let mut w = Writer::new(false);
    value.encode(&mut w);
    w.finish()
}

// ------------------------------------------------------------------ reading

/// Where a problem is, and what it is (in words for the person).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub path: String,
    pub detail: String,
}

/// A failed read. The details wait in [`take_error`]: a marker that carries nothing keeps
/// every `?` in the decoders small (there is one per field of the format).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failed;

pub type R<T> = Result<T, Failed>;

/// The last failed read: what went wrong, and where. The place is built on the way out (each
/// member and list item adds itself, see [`at_key`]), innermost first: keeping it out of the
/// way while reading, rather than passing a path down, saves code for each of the format's
/// fields.
struct Last {
    detail: String,
    place: Vec<Seg>,
}

enum Seg {
    Key(String),
    Index(usize),
}

thread_local! {
    static LAST: std::cell::RefCell<Option<Last>> = const { std::cell::RefCell::new(None) };
}

/// The details of the last failed read, if any (taking them clears them).
pub fn take_error() -> Option<DecodeError> {
    let last = LAST.with(|l| l.try_borrow_mut().ok()?.take())?;
    let mut path = String::new();
    for seg in last.place.iter().rev() {
        match seg {
            Seg::Key(k) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Seg::Index(i) => {
                path.push('[');
                path.push_str(&i.to_string());
                path.push(']');
            }
        }
    }
    Some(DecodeError {
        path,
        detail: last.detail,
    })
}

/// A failed read, explained in `detail`, here (its place follows, see [`at_key`]).
fn fail(detail: impl Into<String>) -> Failed {
    let last = Last {
        detail: detail.into(),
        place: Vec::new(),
    };
    LAST.with(|l| {
        if let Ok(mut l) = l.try_borrow_mut() {
            *l = Some(last);
        }
    });
    Failed
}

fn at(seg: Seg) -> Failed {
    LAST.with(|l| {
        if let Some(last) = l
            .try_borrow_mut()
            .ok()
            .as_deref_mut()
            .and_then(Option::as_mut)
        {
            last.place.push(seg);
        }
    });
    Failed
}

/// A read that failed inside member `key`.
#[inline(never)]
fn at_key(key: &str, _: Failed) -> Failed {
    at(Seg::Key(key.to_string()))
}

/// A read that failed inside list item `i`.
#[inline(never)]
fn at_index(i: usize, _: Failed) -> Failed {
    at(Seg::Index(i))
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn wrong(expected: &str, v: &Value) -> Failed {
    fail(format!("should be {expected}, but it is {}", kind_of(v)))
}

/// Something the codec can read, knowing where it is.
pub trait Decode: Sized {
    fn decode(v: &Value) -> R<Self>;

    /// What an absent object member means: an error, except for optional fields.
    fn absent() -> R<Self> {
        Err(fail("this required field is missing"))
    }
}

impl Decode for String {
    fn decode(v: &Value) -> R<Self> {
        v.as_str()
            .map(str::to_string)
            .ok_or_else(|| wrong("text", v))
    }
}

impl Decode for bool {
    fn decode(v: &Value) -> R<Self> {
        v.as_bool().ok_or_else(|| wrong("true or false", v))
    }
}

impl Decode for u16 {
    fn decode(v: &Value) -> R<Self> {
        v.as_u64()
            .and_then(|n| u16::try_from(n).ok())
            .ok_or_else(|| {
                fail(format!(
                    "should be a whole number from 0 to 65535, but it is {}",
                    short(v)
                ))
            })
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(v: &Value) -> R<Self> {
        if v.is_null() {
            Ok(None)
        } else {
            T::decode(v).map(Some)
        }
    }

    fn absent() -> R<Self> {
        Ok(None)
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(v: &Value) -> R<Self> {
        let items = v.as_array().ok_or_else(|| wrong("a list", v))?;
        // A plain loop: `collect::<Result<Vec<_>>>` costs far more code per item type.
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            out.push(T::decode(item).map_err(|f| at_index(i, f))?);
        }
        Ok(out)
    }
}

/// A short rendering of a value for messages: text and numbers as written, others in words.
pub fn short(v: &Value) -> String {
    match v {
        Value::String(s) if s.chars().count() > 40 => format!(
            "\u{201c}{}…\u{201d}",
            s.chars().take(40).collect::<String>()
        ),
        Value::String(s) => format!("\u{201c}{s}\u{201d}"),
        Value::Number(n) if n.len() > 40 => format!("{}…", n.get(..40).unwrap_or_default()),
        Value::Number(n) => n.clone(),
        other => kind_of(other).to_string(),
    }
}

/// Reads a string and turns it into `T`, or explains what it should look like.
fn from_string<T>(
    v: &Value,
    parse: impl FnOnce(&str) -> Option<T>,
    explain: impl FnOnce(&str) -> String,
) -> R<T> {
    let s = v.as_str().ok_or_else(|| wrong("text", v))?;
    parse(s).ok_or_else(|| fail(explain(s)))
}

/// `keys`: the names allowed, joined with ", " when compiled.
fn one_of(s: &str, keys: &str) -> String {
    format!("\u{201c}{s}\u{201d} is not one of: {keys}")
}

macro_rules! decode_enum {
    ($($t:ty { $key0:literal => $variant0:expr $(, $key:literal => $variant:expr)* $(,)? })*) => {
        $(impl Decode for $t {
            fn decode(v: &Value) -> R<Self> {
                from_string(
                    v,
                    |s| match s { $key0 => Some($variant0), $($key => Some($variant),)* _ => None },
                    |s| one_of(s, concat!($key0 $(, ", ", $key)*)),
                )
            }
        })*
    };
}

decode_enum! {
    RelationshipKind {
        "coachAndClient" => RelationshipKind::CoachAndClient, "managerAndReport" => RelationshipKind::ManagerAndReport,
        "clientAndVendor" => RelationshipKind::ClientAndVendor, "teamAndStakeholder" => RelationshipKind::TeamAndStakeholder,
        "team" => RelationshipKind::Team, "coFounders" => RelationshipKind::CoFounders, "partners" => RelationshipKind::Partners,
        "family" => RelationshipKind::Family, "friends" => RelationshipKind::Friends, "other" => RelationshipKind::Other,
    }
    Frequency {
        "daily" => Frequency::Daily, "weekly" => Frequency::Weekly, "fortnightly" => Frequency::Fortnightly,
        "monthly" => Frequency::Monthly, "quarterly" => Frequency::Quarterly, "twiceAYear" => Frequency::TwiceAYear,
        "yearly" => Frequency::Yearly,
    }
    SectionId {
        "basics" => SectionId::Basics, "goal" => SectionId::Goal, "progress" => SectionId::Progress,
        "commitments" => SectionId::Commitments, "communication" => SectionId::Communication,
        "celebrations" => SectionId::Celebrations, "needsAndOffers" => SectionId::NeedsAndOffers,
        "assumptions" => SectionId::Assumptions, "hardTimes" => SectionId::HardTimes,
        "decisions" => SectionId::Decisions, "keepingAlive" => SectionId::KeepingAlive,
    }
    Status { "draft" => Status::Draft, "agreed" => Status::Agreed }
    ChannelUsage { "use" => ChannelUsage::Use, "avoid" => ChannelUsage::Avoid }
    UpdateStyle { "frequentDetail" => UpdateStyle::FrequentDetail, "periodicSummary" => UpdateStyle::PeriodicSummary }
    NeedOrOfferKind { "need" => NeedOrOfferKind::Need, "offer" => NeedOrOfferKind::Offer }
    AssumptionStatus {
        "unchecked" => AssumptionStatus::Unchecked, "confirmed" => AssumptionStatus::Confirmed,
        "revised" => AssumptionStatus::Revised, "dropped" => AssumptionStatus::Dropped,
    }
}

impl Decode for Id {
    fn decode(v: &Value) -> R<Self> {
        from_string(
            v,
            |s| Id::new(s),
            |s| {
                if s == EVERYONE {
                    "\"everyone\" is reserved and cannot be used as an id".to_string()
                } else {
                    format!("\u{201c}{s}\u{201d} is not a valid id (use 1 to 64 letters, digits, '-' or '_')")
                }
            },
        )
    }
}

impl Decode for Owner {
    fn decode(v: &Value) -> R<Self> {
        from_string(
            v,
            |s| {
                if s == EVERYONE {
                    Some(Owner::Everyone)
                } else {
                    Id::new(s).map(Owner::Party)
                }
            },
            |s| format!("\u{201c}{s}\u{201d} is neither \"everyone\" nor a party id"),
        )
    }
}

impl Decode for Date {
    fn decode(v: &Value) -> R<Self> {
        from_string(v, Date::parse, |s| {
            format!("\u{201c}{s}\u{201d} is not a date; write it as YYYY-MM-DD")
        })
    }
}

impl Decode for Timestamp {
    fn decode(v: &Value) -> R<Self> {
        from_string(v, Timestamp::parse, |s| {
            format!("\u{201c}{s}\u{201d} is not a date and time; write it as YYYY-MM-DDTHH:MM:SSZ")
        })
    }
}

impl Decode for TimeOfDay {
    fn decode(v: &Value) -> R<Self> {
        from_string(v, TimeOfDay::parse, |s| {
            format!("\u{201c}{s}\u{201d} is not a time; write it as HH:MM")
        })
    }
}

/// An object's members, checked against the names it may have.
pub struct Fields<'a> {
    value: &'a Value,
}

impl<'a> Fields<'a> {
    pub fn new(v: &'a Value, allowed: &[&str]) -> R<Self> {
        let members = v.as_object().ok_or_else(|| wrong("an object", v))?;
        if let Some((unknown, _)) = members.iter().find(|(k, _)| !allowed.contains(&k.as_str())) {
            return Err(at_key(
                unknown,
                fail("this field is not part of the format"),
            ));
        }
        Ok(Fields { value: v })
    }

    /// A member: present, or absent where that is allowed (optional fields).
    pub fn get<T: Decode>(&self, key: &str) -> R<T> {
        match self.value.get(key) {
            Some(v) => T::decode(v),
            None => T::absent(),
        }
        .map_err(|f| at_key(key, f))
    }
}

macro_rules! decode_struct {
    ($($t:ident { $($key:literal => $field:ident),* $(,)? })*) => {
        $(impl Decode for $t {
            fn decode(v: &Value) -> R<Self> {
                let f = Fields::new(v, &[$($key),*])?;
                Ok($t { $($field: f.get($key)?),* })
            }
        })*
    };
}

decode_struct! {
    Alliance {
        "id" => id, "title" => title, "relationship" => relationship,
        "relationshipNote" => relationship_note, "createdAt" => created_at, "updatedAt" => updated_at,
        "status" => status, "parties" => parties, "reflections" => reflections, "goal" => goal,
        "progress" => progress, "commitments" => commitments, "communication" => communication,
        "celebrations" => celebrations, "needsAndOffers" => needs_and_offers,
        "assumptions" => assumptions, "hardTimes" => hard_times, "decisions" => decisions,
        "keepingAlive" => keeping_alive, "agreement" => agreement,
    }
    Party { "id" => id, "name" => name, "role" => role, "isMe" => is_me }
    Reflections { "beforeYouBegin" => before_you_begin, "afterAgreeing" => after_agreeing, "atReview" => at_review }
    BeforeReflections {
        "whyThisRelationship" => why_this_relationship, "assumptionsToTest" => assumptions_to_test,
        "openingTheConversation" => opening_the_conversation,
    }
    AfterReflections { "firstStep" => first_step, "whatCouldGetInTheWay" => what_could_get_in_the_way, "howItFeels" => how_it_feels }
    ReviewReflections { "whatIsWorking" => what_is_working, "whatIsNot" => what_is_not, "whatToChange" => what_to_change }
    Goal { "what" => what, "why" => why, "pain" => pain }
    Measure { "id" => id, "signal" => signal, "howWeCheck" => how_we_check, "howOften" => how_often }
    Commitment { "id" => id, "owner" => owner, "what" => what, "when" => when }
    Communication { "channels" => channels, "checkIn" => check_in, "updates" => updates, "raisingProblems" => raising_problems }
    Channel { "id" => id, "name" => name, "purpose" => purpose, "usage" => usage }
    CheckIn { "rhythm" => rhythm, "firstOn" => first_on, "time" => time, "durationMinutes" => duration_minutes, "format" => format }
    UpdatePreference { "partyId" => party_id, "style" => style, "note" => note }
    Celebrations { "goal" => goal, "milestones" => milestones }
    Milestone { "id" => id, "milestone" => milestone, "how" => how }
    NeedOrOffer { "id" => id, "partyId" => party_id, "kind" => kind, "text" => text }
    Assumption { "id" => id, "text" => text, "heldBy" => held_by, "status" => status, "instead" => instead }
    HardTimes { "surprises" => surprises, "missedCommitments" => missed_commitments, "permissions" => permissions, "mistakes" => mistakes }
    Permission { "id" => id, "givenBy" => given_by, "text" => text }
    Decision { "id" => id, "question" => question, "options" => options, "chosen" => chosen, "why" => why }
    DecisionOption { "id" => id, "name" => name, "pros" => pros, "cons" => cons }
    KeepingAlive { "nextReview" => next_review, "reviewRhythm" => review_rhythm, "revisions" => revisions }
    Revision { "id" => id, "date" => date, "sections" => sections, "changes" => changes, "why" => why }
    Agreement { "signatures" => signatures, "lastAgreed" => last_agreed }
    Signature { "partyId" => party_id, "name" => name, "date" => date }
    AgreedVersion { "date" => date, "fingerprints" => fingerprints }
    SectionFingerprint { "section" => section, "fingerprint" => fingerprint }
}

impl Decode for When {
    fn decode(v: &Value) -> R<Self> {
        let kind = v.get("kind").ok_or_else(|| {
            if v.is_object() {
                at_key("kind", fail("this required field is missing"))
            } else {
                wrong("an object", v)
            }
        })?;
        match kind.as_str() {
            Some("date") => {
                let f = Fields::new(v, &["kind", "date"])?;
                Ok(When::Date {
                    date: f.get("date")?,
                })
            }
            Some("after") => {
                let f = Fields::new(v, &["kind", "event"])?;
                Ok(When::After {
                    event: f.get("event")?,
                })
            }
            _ => Err(at_key(
                "kind",
                fail(format!("{} is not one of: date, after", short(kind))),
            )),
        }
    }
}
