//! Every person-facing string of the widget, in one place so it can be translated.
//!
//! The wording is ours; the ideas come from the seed documents (see the product brief).
//! Static strings are constants or table entries; strings with values in them are functions.

use super::model::{
    AssumptionStatus, ChannelUsage, Frequency, NeedOrOfferKind, RelationshipGroup,
    RelationshipKind, SectionId, UpdateStyle,
};

/// One example per group of relationship kinds.
#[derive(Debug, Clone, Copy)]
pub struct Examples {
    pub personal: &'static str,
    pub professional: &'static str,
    pub team: &'static str,
}

impl Examples {
    pub fn for_group(&self, group: RelationshipGroup) -> &'static str {
        match group {
            RelationshipGroup::Personal => self.personal,
            RelationshipGroup::Professional => self.professional,
            RelationshipGroup::Team => self.team,
        }
    }

    /// The example for a relationship kind; professional until a kind is chosen.
    pub fn for_kind(&self, kind: Option<RelationshipKind>) -> &'static str {
        self.for_group(kind.map_or(RelationshipGroup::Professional, RelationshipKind::group))
    }
}

/// A question the wizard asks.
#[derive(Debug, Clone, Copy)]
pub struct Question {
    pub id: QuestionId,
    /// The label of the field.
    pub prompt: &'static str,
    /// A sentence or two under the label.
    pub help: &'static str,
    pub examples: Examples,
}

macro_rules! questions {
    ($( $id:ident => $prompt:expr, $help:expr, [$personal:expr, $professional:expr, $team:expr]; )*) => {
        /// Every question of the wizard.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum QuestionId { $($id),* }

        /// Every question id, in wizard order.
        pub const QUESTION_IDS: &[QuestionId] = &[$(QuestionId::$id),*];

        /// The text of each question, in wizard order: prompt, help and the three examples in
        /// one string, separated by U+001F. One string per question rather than five: the
        /// address and length of each string in a table cost the widget more than the text.
        const QUESTION_TEXT: &[&str] = &[
            $(concat!($prompt, "\u{1f}", $help, "\u{1f}", $personal, "\u{1f}", $professional, "\u{1f}", $team)),*
        ];
    };
}

questions! {
    Title => "What shall we call this alliance?",
    "A short name everyone will recognise when they come back to it.",
    ["Our calmer weekday mornings", "Coaching: stepping into the team-lead role", "Checkout redesign with the sales team"];
    Relationship => "What kind of relationship is this?",
    "This only changes the examples and hints you see; every section is the same.",
    ["Partners, planning a home renovation", "Coach and client, for a six-month engagement", "A product team and the finance director"];
    PartyName => "Name",
    "A first name is enough. For a group, name the group.",
    ["Sam", "Priya Natarajan", "The platform team"];
    PartyRole => "Role in this alliance",
    "What this person brings or is responsible for here, in a few words.",
    ["Keeps the family calendar", "Client, new engineering manager", "Stakeholder who owns the budget"];

    GoalWhat => "What are we trying to achieve together?",
    "Describe the result, not the activity. If you cannot agree on this yet, talk about it before anything else.",
    ["Get everyone out of the door by 8:15 without shouting.", "Lead my first team with confidence and keep two key people who were thinking of leaving.", "Ship a checkout that sales can demo to customers by the end of the quarter."];
    GoalWhy => "Why does it matter?",
    "Connect the goal to what each of you cares about. This is what you will come back to when it gets hard.",
    ["Mornings set the tone for the whole day, and we want to start it as a family, not as opponents.", "The team's stability decides whether the product launch happens this year.", "Abandoned checkouts are the biggest loss in the sales funnel."];
    GoalPain => "What pain would it relieve?",
    "If the goal feels abstract, name the problem you are tired of living with.",
    ["Missed buses, forgotten lunches and everyone arriving upset.", "Sunday evenings spent dreading one-to-ones I don't feel ready for.", "Sales promising features the team hears about only afterwards."];

    MeasureSignal => "What will we see when it is going well?",
    "Pick signals you can actually notice or count. One good signal beats five vague ones.",
    ["Four out of five mornings we leave on time.", "Both at-risk engineers stay and say so in their next review.", "Checkout conversion above 3% for two weeks in a row."];
    MeasureHowWeCheck => "How will we check it?",
    "Say where the evidence comes from. Checking is what turns hope into a plan.",
    ["A tally on the fridge calendar.", "We look at my notes from each one-to-one together.", "The analytics dashboard, shared in the fortnightly review."];
    MeasureHowOften => "How often will we look?",
    "Often enough to correct course, rarely enough that it stays worth doing.",
    ["Every Sunday evening.", "At every coaching session.", "Every two weeks, at the sprint review."];

    CommitmentWhat => "What will be done?",
    "One concrete action. If it needs a meeting to understand, split it.",
    ["Pack school bags the night before.", "Book a skip-level conversation with each team member.", "Share a clickable prototype with three sales leads."];
    CommitmentOwner => "Who does it?",
    "Choose one person where you can: shared commitments are easy to drop.",
    ["Alex", "The client", "The design lead"];
    CommitmentWhen => "When?",
    "A date, or the event it follows, such as \u{201c}after the kickoff\u{201d}.",
    ["Every evening after dinner", "By 15 January", "After the pricing decision is made"];

    ChannelName => "Channel",
    "A way you will talk: a tool, a meeting, a place.",
    ["The family group chat", "Email", "The #checkout channel"];
    ChannelPurpose => "What is it for?",
    "Say what belongs here, so nothing important gets lost in the wrong place.",
    ["Quick logistics only, never arguments.", "Session notes and anything that needs a written record.", "Day-to-day questions; decisions are copied to the project page."];
    ChannelUsage => "Use it or avoid it?",
    "Naming what you avoid is as useful as naming what you use.",
    ["Avoid: texting about feelings during the workday.", "Avoid: messages outside working hours.", "Avoid: decisions made in private messages."];
    CheckInRhythm => "How often do we check in?",
    "A regular moment to look at progress and obstacles, even when all is well.",
    ["Every Sunday, twenty minutes over tea.", "Every two weeks, one hour.", "Weekly, fifteen minutes after stand-up on Thursdays."];
    CheckInFirstOn => "First check-in",
    "The rhythm repeats from this date in the calendar file.",
    ["This Sunday", "The date of our next session", "Next Thursday"];
    CheckInTime => "Time",
    "Optional: the usual start time, in your local time.",
    ["19:30", "08:30", "10:15"];
    CheckInDuration => "Length in minutes",
    "Optional: how long you set aside.",
    ["20", "60", "15"];
    CheckInFormat => "Where or how?",
    "In person, on a video call, walking the dog: whatever you will actually do.",
    ["At the kitchen table, phones away.", "Video call, camera on.", "In the team room, or the usual video link."];
    UpdateStyle => "How do you like to hear about progress?",
    "Some people want frequent detail, others a periodic summary. Neither is wrong; guessing is.",
    ["A quick daily message is reassuring.", "A written summary before each session.", "A short weekly digest; call me only for blockers."];
    RaisingProblems => "How do we raise a problem fast?",
    "Agree the signal for \u{201c}this cannot wait\u{201d}, so bad news travels as quickly as good news.",
    ["Say \u{201c}I need ten minutes tonight\u{201d}, and we make time the same day.", "A message with URGENT in the subject, answered within a working day.", "Post in the channel and tag the owner; anyone can call a 15-minute huddle."];

    CelebrateGoal => "How will we celebrate reaching the goal?",
    "Decide now. Celebrating is how the effort gets noticed and the energy comes back.",
    ["A Saturday pancake breakfast, everyone's choice of toppings.", "A final session to look back, and I'll buy the coffee.", "A demo for the whole company, naming who made it happen."];
    MilestoneWhat => "Milestone",
    "A point along the way worth marking.",
    ["The first full week on time", "The first team retrospective I run", "Prototype signed off"];
    MilestoneHow => "How we mark it",
    "Small is fine. What matters is that it happens.",
    ["A film night", "Share the win with my manager", "Cake at stand-up"];

    Need => "What I need from you",
    "Ask plainly. Whatever you ask of the others, be ready to offer something too.",
    ["Tell me when you're running late, before it happens.", "Honest feedback, even when it stings.", "Decisions on scope within two working days."];
    Offer => "What I offer you",
    "What you will give, in the same concrete terms as your asks.",
    ["I'll handle breakfasts so you can get ready in peace.", "I will come to each session prepared, with one topic.", "A working demo every two weeks, and no surprises."];

    AssumptionText => "What are we assuming?",
    "Things you believe but have not said out loud or checked. Surfacing them early saves a lot of trouble.",
    ["That the kids can get themselves ready without reminders.", "That my manager expects me to have all the answers.", "That sales knows what the current checkout can do."];
    AssumptionHeldBy => "Who holds it?",
    "Whose belief is it: one person, or all of you?",
    ["Me", "The client", "Everyone"];
    AssumptionStatus => "Where does it stand?",
    "Unchecked until you have talked about it. Confirmed, revised or dropped once you have.",
    ["Revised", "Confirmed", "Dropped"];
    AssumptionInstead => "What we agreed instead",
    "When an assumption is revised or dropped, write down what you now agree.",
    ["The kids get a checklist on the door, and we check it together for two weeks.", "I can say \u{201c}I'll find out\u{201d} and come back later.", "We run a monthly walkthrough of what is live."];

    Surprises => "How will we work through surprises?",
    "Plans change. Agree how you will face the unexpected together, without looking for someone to blame.",
    ["We stop, breathe and talk it over that evening, not in the heat of the moment.", "We name it in the next session and decide together whether the plan changes.", "Whoever spots it says so the same day; we re-plan together, no blame."];
    MissedCommitments => "What happens when a commitment is missed?",
    "It will happen. Decide how you will notice, talk about it and put it right.",
    ["The person says so first, and we agree a new time.", "We look at what got in the way before setting a new date.", "The owner flags it at once and proposes a new date or asks for help."];
    PermissionText => "A permission we give each other",
    "Something you explicitly allow, such as \u{201c}be direct with me\u{201d} or \u{201c}interrupt me when I ramble\u{201d}.",
    ["Remind me kindly when I'm on my phone at dinner.", "Challenge me when I'm playing it safe.", "Say no to requests that are not in the plan."];
    Mistakes => "How will we own mistakes?",
    "Making things right matters more than being right. Say how you will admit, repair and learn.",
    ["Say sorry without a \u{201c}but\u{201d}, and fix what we can.", "I'll tell you what went wrong and what I'll do differently.", "Blameless write-ups: what happened, what we learned, what we change."];

    DecisionQuestion => "What do we have to decide?",
    "A trade-off you face together. Put the options side by side instead of arguing for one.",
    ["Weekend chores: fixed rota or pick as we go?", "Focus on delegation or on stakeholder relations first?", "Launch with fewer payment methods, or launch later?"];
    OptionName => "Option",
    "One possible choice.",
    ["Fixed rota", "Delegation first", "Launch with cards only"];
    OptionPros => "In its favour",
    "What this option gives you.",
    ["Nobody has to negotiate every week.", "Frees time quickly.", "Customers get it a month earlier."];
    OptionCons => "Against it",
    "What it costs, or risks.",
    ["Less flexible when plans change.", "Stakeholders may feel neglected for a while.", "Some customers cannot pay yet."];
    DecisionChosen => "What we chose",
    "Pick one option when you have decided; leave it open until then.",
    ["Fixed rota, reviewed monthly", "Delegation first", "Cards only, others in the next release"];
    DecisionWhy => "Why we chose it",
    "Write down the reasoning, so you can revisit the choice when things change.",
    ["We argue less when the plan is fixed.", "I cannot do anything else well until I have more time.", "Earlier revenue matters more than covering every case."];

    NextReview => "When will we next review this alliance?",
    "An alliance is alive: set a date to ask what is working and what should change.",
    ["The first Sunday of next month", "At our sixth session", "At the end of the quarter"];
    ReviewRhythm => "How often will we review it after that?",
    "Reviews keep the agreement true as circumstances change.",
    ["Every month", "Every quarter", "Every quarter, at planning"];
    RevisionChanges => "What changed",
    "A short note of what is different in this version.",
    ["Check-ins moved to Saturday mornings.", "Added a commitment about feedback.", "Scope reduced to card payments."];
    RevisionWhy => "Why it changed",
    "The reason, for when you look back.",
    ["Sunday evenings were too tired.", "The first month showed I need more of it.", "The payment provider needed more time."];
}

/// The question with this id.
pub fn question(id: QuestionId) -> Question {
    // QUESTION_TEXT is built by the same macro as QuestionId, in the same order.
    let mut rest = QUESTION_TEXT.get(id as usize).copied().unwrap_or_default();
    // By hand: `split` with a char pattern costs half a KB of code here.
    let mut next = || {
        let end = rest.bytes().position(|b| b == 0x1f).unwrap_or(rest.len());
        let part = rest.get(..end).unwrap_or_default();
        rest = rest.get(end + 1..).unwrap_or_default();
        part
    };
    Question {
        id,
        prompt: next(),
        help: next(),
        examples: Examples {
            personal: next(),
            professional: next(),
            team: next(),
        },
    }
}

/// Every question of the wizard, in order.
pub fn questions() -> impl Iterator<Item = Question> {
    QUESTION_IDS.iter().map(|&id| question(id))
}

/// Title and short introduction of a section.
#[derive(Debug, Clone, Copy)]
pub struct SectionText {
    pub title: &'static str,
    pub intro: &'static str,
}

pub fn section(id: SectionId) -> SectionText {
    let (title, intro) = match id {
        SectionId::Basics => (
            "Who is involved",
            "Who this alliance is between, and what kind of relationship it is. A name helps you find it again.",
        ),
        SectionId::Goal => (
            "The goal",
            "Everything else rests on this: what you want to achieve together, and why it matters to each of you.",
        ),
        SectionId::Progress => (
            "How we will measure it",
            "How you will know you are making progress. Inspect what you expect: agree what you will look at, and when you will look at it together.",
        ),
        SectionId::Commitments => (
            "Who does what, and when",
            "Concrete commitments, each with one owner and a time: a date, or the event it follows.",
        ),
        SectionId::Communication => (
            "How we will communicate",
            "The channels you will use and the ones you will avoid, when you check in, and how to raise a problem fast. Be consistent, or important messages get lost.",
        ),
        SectionId::Celebrations => (
            "How we will celebrate",
            "Agree now how you will mark reaching the goal, and the milestones on the way. Celebrating is how the effort gets noticed and the energy comes back.",
        ),
        SectionId::NeedsAndOffers => (
            "Needs and offers",
            "What each of you asks of the others, and what each of you offers in return: whatever you ask, be ready to offer. Say what you really need, not what sounds right: this works when you are authentic, not acting authentic.",
        ),
        SectionId::Assumptions => (
            "Busting assumptions",
            "An alliance catches what each of you takes for granted. Name the beliefs you have not checked, talk them through, and write down what you agree instead. Expect to do this again and again.",
        ),
        SectionId::HardTimes => (
            "When it gets hard",
            "Surprises and missed commitments will come. Agree now how you will work through them together, without blame, and what you give each other permission to do.",
        ),
        SectionId::Decisions => (
            "Trade-offs and decisions",
            "Lay out the options with what speaks for and against each, choose together, and own the choice together.",
        ),
        SectionId::KeepingAlive => (
            "Keeping it alive",
            "An alliance is alive: it changes as you learn. Set when you will look at it again, and keep a note of what changed and why.",
        ),
    };
    SectionText { title, intro }
}

/// Whether a section goes deeper than the template's essentials: it may be skipped, and nothing
/// in it is needed to agree.
pub fn section_is_optional(id: SectionId) -> bool {
    matches!(
        id,
        SectionId::NeedsAndOffers
            | SectionId::Assumptions
            | SectionId::HardTimes
            | SectionId::Decisions
            | SectionId::KeepingAlive
    )
}

/// When a reflection prompt is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReflectionMoment {
    BeforeYouBegin,
    AfterAgreeing,
    AtReview,
}

/// A reflection prompt; each may be answered or skipped.
#[derive(Debug, Clone, Copy)]
pub struct Reflection {
    pub id: ReflectionId,
    pub moment: ReflectionMoment,
    pub prompt: &'static str,
    pub help: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReflectionId {
    WhyThisRelationship,
    AssumptionsToTest,
    OpeningTheConversation,
    FirstStep,
    WhatCouldGetInTheWay,
    HowItFeels,
    WhatIsWorking,
    WhatIsNot,
    WhatToChange,
}

pub const REFLECTIONS: &[Reflection] = &[
    Reflection {
        id: ReflectionId::WhyThisRelationship,
        moment: ReflectionMoment::BeforeYouBegin,
        prompt: "Why this relationship, and why now?",
        help: "Think of what would be different if this relationship worked the way you hope.",
    },
    Reflection {
        id: ReflectionId::AssumptionsToTest,
        moment: ReflectionMoment::BeforeYouBegin,
        prompt: "Which of your assumptions about it might be wrong?",
        help: "What do you expect of the other person that you have never actually said?",
    },
    Reflection {
        id: ReflectionId::OpeningTheConversation,
        moment: ReflectionMoment::BeforeYouBegin,
        prompt: "If some of you are not here yet, how will you invite them in?",
        help: "A first sentence, and a good time and place for the conversation.",
    },
    Reflection {
        id: ReflectionId::FirstStep,
        moment: ReflectionMoment::AfterAgreeing,
        prompt: "What is the first thing you will do?",
        help: "Something small, within the next few days, that shows the alliance is real.",
    },
    Reflection {
        id: ReflectionId::WhatCouldGetInTheWay,
        moment: ReflectionMoment::AfterAgreeing,
        prompt: "What could get in the way?",
        help: "Name it now, while it is easy to talk about.",
    },
    Reflection {
        id: ReflectionId::HowItFeels,
        moment: ReflectionMoment::AfterAgreeing,
        prompt: "How does it feel to have this agreed?",
        help: "Notice it: it is worth remembering at the first review.",
    },
    Reflection {
        id: ReflectionId::WhatIsWorking,
        moment: ReflectionMoment::AtReview,
        prompt: "What is working?",
        help: "Start with what you want to keep.",
    },
    Reflection {
        id: ReflectionId::WhatIsNot,
        moment: ReflectionMoment::AtReview,
        prompt: "What is not working?",
        help: "Without blame: what did you expect that did not happen?",
    },
    Reflection {
        id: ReflectionId::WhatToChange,
        moment: ReflectionMoment::AtReview,
        prompt: "What will you change?",
        help: "Edit the sections it affects; agreeing again records the change in the log.",
    },
];

pub fn reflection(id: ReflectionId) -> &'static Reflection {
    &REFLECTIONS[id as usize]
}

pub fn relationship_label(kind: RelationshipKind) -> &'static str {
    match kind {
        RelationshipKind::CoachAndClient => "Coach and client",
        RelationshipKind::ManagerAndReport => "Manager and report",
        RelationshipKind::ClientAndVendor => "Client and agency or vendor",
        RelationshipKind::TeamAndStakeholder => "Team and stakeholder",
        RelationshipKind::Team => "Team",
        RelationshipKind::CoFounders => "Co-founders",
        RelationshipKind::Partners => "Partners or couple",
        RelationshipKind::Family => "Family",
        RelationshipKind::Friends => "Friends",
        RelationshipKind::Other => "Something else",
    }
}

pub fn frequency_label(f: Frequency) -> &'static str {
    match f {
        Frequency::Daily => "Every day",
        Frequency::Weekly => "Every week",
        Frequency::Fortnightly => "Every two weeks",
        Frequency::Monthly => "Every month",
        Frequency::Quarterly => "Every three months",
        Frequency::TwiceAYear => "Twice a year",
        Frequency::Yearly => "Every year",
    }
}

pub fn usage_label(u: ChannelUsage) -> &'static str {
    match u {
        ChannelUsage::Use => "We use it",
        ChannelUsage::Avoid => "We avoid it",
    }
}

pub fn update_style_label(s: UpdateStyle) -> &'static str {
    match s {
        UpdateStyle::FrequentDetail => "Frequent, detailed updates",
        UpdateStyle::PeriodicSummary => "A periodic summary",
    }
}

pub fn assumption_status_label(s: AssumptionStatus) -> &'static str {
    match s {
        AssumptionStatus::Unchecked => "Not checked yet",
        AssumptionStatus::Confirmed => "Confirmed",
        AssumptionStatus::Revised => "Revised",
        AssumptionStatus::Dropped => "Dropped",
    }
}

pub fn need_or_offer_label(k: NeedOrOfferKind) -> &'static str {
    match k {
        NeedOrOfferKind::Need => "Needs",
        NeedOrOfferKind::Offer => "Offers",
    }
}

pub const EVERYONE_LABEL: &str = "Everyone";
pub const UNTITLED: &str = "Untitled alliance";
pub const NOT_SET: &str = "Not decided yet";

pub fn unnamed_party(position: usize) -> String {
    format!("Person {position}")
}

pub fn missing_party() -> &'static str {
    "(someone no longer in this alliance)"
}

/// The "what changed" note of an automatic revision-log entry.
pub fn revision_changes(sections: &[SectionId]) -> String {
    let titles: Vec<&str> = sections.iter().map(|s| section(*s).title).collect();
    format!("Changed: {}.", super::join(&titles, ", "))
}

/// Messages of validation findings.
pub mod findings {
    pub const TITLE_MISSING: &str = "Give the alliance a name.";
    pub const RELATIONSHIP_MISSING: &str = "Choose what kind of relationship this is.";
    pub const TOO_FEW_PARTIES: &str = "An alliance needs at least two people.";
    pub const PARTY_NAME_MISSING: &str = "Add this person's name.";
    pub const MORE_THAN_ONE_ME: &str = "Only one person can be \u{201c}me\u{201d}.";
    pub fn duplicate_party(name: &str) -> String {
        format!("\u{201c}{name}\u{201d} appears more than once. Use a different name for each person, or remove the extra one.")
    }
    pub const GOAL_WHAT_MISSING: &str = "Say what you are trying to achieve.";
    pub const GOAL_WHY_MISSING: &str = "Say why it matters.";
    pub const NO_MEASURES: &str = "Add at least one way to tell you are making progress.";
    pub const MEASURE_SIGNAL_MISSING: &str = "Describe what you will see.";
    pub const MEASURE_CHECK_MISSING: &str = "Say how you will check it.";
    pub const MEASURE_OFTEN_MISSING: &str = "Choose how often you will look.";
    pub const NO_COMMITMENTS: &str = "Add at least one commitment.";
    pub const COMMITMENT_WHAT_MISSING: &str = "Say what will be done.";
    pub const COMMITMENT_WHEN_MISSING: &str = "Say when: a date, or the event it follows.";
    pub const COMMITMENT_AFTER_EMPTY: &str = "Say which event it follows.";
    pub const OWNER_GONE: &str =
        "This belongs to someone who is no longer in the alliance. Choose who it belongs to now.";
    pub const NO_CHANNELS: &str = "Add at least one way you will talk.";
    pub const CHANNEL_NAME_MISSING: &str = "Name the channel.";
    pub const CHECK_IN_MISSING: &str = "Choose how often you will check in.";
    pub const RAISING_PROBLEMS_MISSING: &str = "Agree how to raise a problem fast.";
    pub const UPDATE_PARTY_GONE: &str =
        "This preference belongs to someone who is no longer in the alliance.";
    pub const CELEBRATE_GOAL_MISSING: &str = "Say how you will celebrate reaching the goal.";
    pub const MILESTONE_MISSING: &str = "Name the milestone.";
    pub const MILESTONE_HOW_MISSING: &str = "Say how you will mark it.";
    pub const NEED_OR_OFFER_EMPTY: &str = "Write the need or offer, or remove it.";
    pub fn ask_without_offer(name: &str) -> String {
        format!("{name} asks for something but offers nothing yet. Whatever we ask of each other, we should be ready to offer.")
    }
    pub const ASSUMPTION_EMPTY: &str = "Write the assumption, or remove it.";
    pub const ASSUMPTION_INSTEAD_HINT: &str =
        "Write down what you agreed instead, so you both remember it the same way.";
    pub const PERMISSION_EMPTY: &str = "Write the permission, or remove it.";
    pub const DECISION_QUESTION_MISSING: &str = "Say what you have to decide.";
    pub const OPTION_NAME_MISSING: &str = "Name this option.";
    pub const CHOSEN_GONE: &str = "The chosen option no longer exists. Choose again.";
    pub const DECISION_WHY_HINT: &str =
        "A line on why you chose it helps when you revisit the choice.";
    pub fn answer_missing(prompt: &str) -> String {
        format!("Answer \u{201c}{prompt}\u{201d}.")
    }
    pub const REVIEW_IN_PAST: &str =
        "This review date has passed. Hold the review, or choose a new date.";
}

/// Messages of import errors. `path` is where in the file the problem is.
pub mod import {
    pub fn too_large(bytes: u64, limit: u64) -> String {
        format!(
            "This file is too large to be an alliance ({} KB; the limit is {} KB).",
            bytes.div_ceil(1024),
            limit / 1024
        )
    }
    pub const EMPTY: &str = "This file is empty.";
    pub const NOT_UTF8: &str =
        "This file is not text (it is not valid UTF-8). Choose the .json file the widget exported.";
    pub fn not_json(line: usize, column: usize, detail: &str) -> String {
        format!("This file is not valid JSON (line {line}, column {column}: {detail}).")
    }
    pub const BROKEN_ESCAPE: &str =
        "a piece of text contains a broken \\u escape (a lone surrogate), which is not valid text";
    pub const TRUNCATED: &str =
        "This file ends too early: it looks cut off. Export it again, or find the complete copy.";
    pub const TOO_DEEP: &str = "This file is nested too deeply to be an alliance.";
    pub const NOT_AN_OBJECT: &str = "This file is JSON, but not a designed alliance: it should start with { and contain \"format\": \"designed-alliance\".";
    pub const WRONG_FORMAT: &str =
        "This JSON file is not a designed alliance (its \"format\" is not \"designed-alliance\").";
    pub const NO_VERSION: &str = "This file has no \"schemaVersion\", so it cannot be read safely.";
    pub fn bad_version(found: &str) -> String {
        format!("\"schemaVersion\" should be a whole number such as 1, but it is {found}.")
    }
    pub fn newer_version(found: u64, supported: u32) -> String {
        format!("This alliance was saved by a newer version of the widget (format version {found}; this one reads up to {supported}). Update the widget to open it.")
    }
    pub fn invalid_field(path: &str, detail: &str) -> String {
        format!("Problem at {path}: {detail}.")
    }
    pub fn too_many_items(path: &str, count: usize, limit: usize) -> String {
        format!("Problem at {path}: {count} items, more than the {limit} an alliance may hold.")
    }
    pub fn duplicate_id(path: &str, id: &str) -> String {
        format!("Problem at {path}: the id \u{201c}{id}\u{201d} is used twice.")
    }
    /// Which file to choose instead of the one chosen.
    pub fn wrong_file(kind: crate::core::json::FileKind) -> String {
        use crate::core::json::FileKind;
        let what = match kind {
            FileKind::Calendar => "This is a calendar file (.ics), the one for your diary",
            FileKind::Text => "This is a text or Markdown file, not a saved alliance",
            FileKind::Pdf => {
                "This is a PDF, such as a printed alliance: it cannot be opened again here"
            }
            FileKind::Image => "This is an image, not a saved alliance",
            FileKind::Document => {
                "This is a document or an archive (such as .docx or .zip), not a saved alliance"
            }
        };
        format!(
            "{what}. To open an alliance, choose the file the widget saved with \u{201c}{}\u{201d}: its name ends in .json.",
            super::ui::DOWNLOAD_JSON
        )
    }
    pub fn inconsistent_status(path: &str) -> String {
        format!("Problem at {path}: it says \u{201c}agreed\u{201d}, but not everyone has agreed.")
    }
}

/// Words about drafts kept in the browser.
pub mod drafts {
    pub const NOT_A_DRAFT: &str = "it is not a draft this widget wrote";
    pub const NEWER: &str = "it was saved by a newer version of the widget";
    pub const BAD_KEY: &str = "its name in the browser's storage is not one this widget uses";
    pub const SLOT_TAKEN: &str = "a draft with this name already exists";

    pub const MY_DRAFTS: &str = "My drafts";
    pub const SAVING: &str = "Saving\u{2026}";
    pub const SAVED_AS_YOU_TYPE: &str = "Your answers are saved in this browser as you type.";
    pub const NOT_SAVED: &str = "Not saved in this browser";
    pub const CONFLICT_STATUS: &str = "Not saved: this draft changed elsewhere";
    /// "at 14:02" today, "on 2026-11-20 at 14:02" another day.
    pub fn when(date: Option<&str>, time: &str) -> String {
        match date {
            None => format!("at {time}"),
            Some(d) => format!("on {d} at {time}"),
        }
    }
    pub fn saved(when: &str) -> String {
        format!("Saved in this browser {when}")
    }
    pub const UNAVAILABLE: &str = "This browser is not letting the form save your answers (storage is blocked here, for example in a private window or inside another site\u{2019}s page). Everything stays on screen while this page is open: download a copy to keep it.";
    pub const FULL: &str = "This browser\u{2019}s storage for this site is full, so your latest changes are not saved in it. The last saved version is still there. Download a copy to keep everything; saving starts again as soon as there is room.";
    pub fn failed(detail: &str) -> String {
        format!("Your latest changes could not be saved in this browser ({detail}). The last saved version is still there. Download a copy to be safe.")
    }
    pub const DOWNLOAD_COPY: &str = "Download a copy (.json)";
    pub const TRY_AGAIN: &str = "Try saving again";
    pub const CONFLICT: &str = "This draft was also changed somewhere else: in another tab or window, or in another form on this page. Nothing has been overwritten. Which version do you want to keep? Loading the other version replaces what is on screen, and you can undo it.";
    pub const KEEP_MINE: &str = "Keep what is on screen";
    pub const LOAD_OTHER: &str = "Load the other version";
    pub const KEPT_MINE: &str = "Your version is kept and saved.";
    pub const LOADED_OTHER: &str = "The other version is loaded.";
    pub fn unreadable(reason: &str) -> String {
        let reason = reason.trim_end_matches('.');
        format!("A draft saved in this browser could not be opened: {reason}. It is left exactly as it was. Download it to keep it, or to send it to whoever runs this site.")
    }
    pub const DOWNLOAD_UNREADABLE: &str = "Download the unreadable draft";
    pub const UNREADABLE_FILE: &str = "designed-alliance-unreadable-draft.json";
    pub const NOTE: &str = "Drafts are kept in this browser, on this site only: another browser, device or website will not see them. Some browsers remove what a site stored after about a week without a visit, and private windows remove it when they close. To keep your alliance safe, download it as a file.";
    pub const MEMORY_NOTE: &str = "This browser is not letting the form keep drafts, so these last only until this page is closed or reloaded.";
    pub const NONE_YET: &str = "No drafts saved yet.";
    pub const OPEN_NOW: &str = "Open now";
    pub fn last_saved(when: &str) -> String {
        format!("Last saved {when}")
    }
    pub const OPEN: &str = "Open";
    pub const RENAME: &str = "Rename";
    pub const DUPLICATE: &str = "Duplicate";
    pub const DELETE: &str = "Delete";
    pub const DOWNLOAD: &str = "Download";
    pub fn action_label(action: &str, title: &str) -> String {
        format!("{action} \u{201c}{title}\u{201d}")
    }
    pub fn new_name_for(title: &str) -> String {
        format!("New name for \u{201c}{title}\u{201d}")
    }
    pub const SAVE_NAME: &str = "Save name";
    pub const CANCEL: &str = "Cancel";
    pub fn copy_of(title: &str) -> String {
        format!("{title} (copy)")
    }
    pub fn deleted(title: &str) -> String {
        format!("\u{201c}{title}\u{201d} was deleted.")
    }
    pub const UNDO_DELETE: &str = "Undo delete";
    pub const RESTORED: &str = "The draft is back.";
    pub fn opened(title: &str) -> String {
        format!("Opened \u{201c}{title}\u{201d}.")
    }
    pub fn duplicated(title: &str) -> String {
        format!("Made a copy of \u{201c}{title}\u{201d}.")
    }
    pub const RENAMED: &str = "Name saved.";
    pub const GONE: &str = "it is no longer stored in this browser";
    pub const NEW_DRAFT: &str = "Start a new draft";
    pub const NEW_STARTED: &str = "A new draft was started. Your other drafts are in My drafts.";
    pub const UNREADABLE_ITEM: &str = "A draft that cannot be opened";
    pub fn list_failed(detail: &str) -> String {
        format!("The drafts could not be read from this browser\u{2019}s storage ({detail}).")
    }
    pub fn action_failed(detail: &str) -> String {
        format!("That did not work: {detail}. Nothing was changed.")
    }
    pub const FORGET: &str = "Forget this browser\u{2026}";
    pub const FORGET_QUESTION: &str = "Remove every draft this form saved in this browser, on this site? Nothing else the site stores is touched. Download anything you want to keep first.";
    pub const FORGET_YES: &str = "Remove all my drafts";
    pub const FORGET_NO: &str = "Keep them";
    pub const FORGOTTEN: &str =
        "Every draft this form kept in this browser was removed. A new, empty draft was started.";
}

/// Words used by the Markdown and calendar exports.
pub mod export {
    pub const PEOPLE: &str = "People";
    pub const RELATIONSHIP: &str = "Relationship";
    pub const STATUS_DRAFT: &str = "Draft, not yet agreed";
    pub const STATUS_AGREED: &str = "Agreed";
    pub const STATUS: &str = "Status";
    pub const WHY: &str = "Why it matters";
    pub const PAIN: &str = "Pain it relieves";
    pub const CHECKED_BY: &str = "How we check";
    pub const CHANNELS: &str = "Channels";
    pub const CHECK_IN: &str = "Check-in";
    pub const UPDATES: &str = "Updates";
    pub const RAISING_PROBLEMS: &str = "Raising a problem fast";
    pub const CELEBRATE_GOAL: &str = "When we reach the goal";
    pub const MILESTONES: &str = "Milestones";
    pub const HELD_BY: &str = "held by";
    pub const INSTEAD: &str = "Instead";
    pub const SURPRISES: &str = "Surprises";
    pub const MISSED: &str = "Missed commitments";
    pub const PERMISSIONS: &str = "Permissions";
    pub const MISTAKES: &str = "Mistakes";
    pub const OPTIONS: &str = "Options";
    pub const PROS: &str = "For";
    pub const CONS: &str = "Against";
    pub const CHOSEN: &str = "Chosen";
    pub const NEXT_REVIEW: &str = "Next review";
    pub const NEXT_REVIEW_OF: &str = "Look at this alliance again together";
    pub const FIRST_CHECK_IN: &str = "Your first check-in";
    pub const NEXT_CHECK_IN: &str = "Your next check-in";
    pub const RECAP_GOAL: &str = "What we want to achieve";
    pub const RECAP_MEASURE: &str = "How we will know it is working";
    pub const RECAP_COMMITMENTS: &str = "Who does what, and when";
    pub const RECAP_COMMUNICATE: &str = "How we will keep in touch";
    pub const RECAP_CELEBRATE: &str = "How we will celebrate";
    pub const RECAP_DEEPER: &str = "We also talked through";
    pub const REVIEW_RHYTHM: &str = "Review rhythm";
    pub const REVISIONS: &str = "Revision log";
    pub const AGREEMENT: &str = "Agreement";
    pub const AGREED_BY: &str = "agreed on";
    pub const NOT_AGREED: &str = "Not agreed yet.";
    pub const AFTER: &str = "after";
    pub const BY: &str = "by";
    pub const MINUTES: &str = "minutes";
    pub const AT: &str = "at";
    pub const STARTING: &str = "starting";
    pub const EMPTY: &str = "(not filled in)";
    pub fn exported_on(date: &str) -> String {
        format!("Exported from the Designed Alliance widget on {date}.")
    }
    pub fn review_event(title: &str) -> String {
        format!("Review our alliance: {title}")
    }
    pub fn check_in_event(title: &str) -> String {
        format!("Check-in: {title}")
    }
    pub fn commitment_event(owner: &str, what: &str) -> String {
        format!("{owner}: {what}")
    }
}

/// Words of the widget's own controls, headings and announcements.
pub mod ui {
    pub const WIDGET_HEADING: &str = "Design your alliance";
    pub const STEPS_LABEL: &str = "Steps";
    pub const SHOW_STEPS: &str = "All steps";
    pub fn step_of(n: usize, total: usize) -> String {
        format!("Step {n} of {total}")
    }
    pub const STEP_REVIEW: &str = "Review";
    pub const STEP_AGREEMENT: &str = "Agreement";
    pub const STEP_FINISH: &str = "Finish";
    pub const REVIEW_INTRO: &str =
        "The whole alliance on one page. Read it together: does it say what you mean?";
    pub const AGREEMENT_INTRO: &str = "Read together what you are agreeing to, then each of you says yes. It is a shared intention, not a contract: you will look at it again and change it as you learn. Changing anything afterwards makes it a draft again, and agreeing again notes what changed.";
    pub const FINISH_INTRO: &str =
        "What comes next, and how to keep your alliance where all of you can find it.";
    pub const RECAP_HEADING: &str = "What you are agreeing to";
    pub const RECAP_EMPTY: &str = "Nothing is written yet. Go back through the essentials first.";
    pub const RECAP_FULL: &str = "Everything is on the Review step.";
    pub fn agreed_header(date: &str) -> String {
        format!("Agreed on {date}")
    }
    pub const NEXT_DATES_HEADING: &str = "Your next dates";
    pub const NEXT_DATES_NONE: &str = "No dates are set yet. Choose the first check-in under How we will communicate, and when you will look at this again under Keeping it alive.";
    pub const NOT_AGREED_YET: &str = "This alliance is not agreed yet. You can still take it with you as a draft, or go to the Agreement step when you are ready.";
    pub const FILE_HEADING: &str = "Keep it where you will find it";
    pub const FILE_ADVICE: [&str; 3] = [
        "Download the file (.json) and keep it: it is your alliance. This browser keeps a copy too, but clearing its data would lose it.",
        "Send the file to the others, so each of you has the same version. Any of you can open it here again (Save or share, then Open a file) to review it or change it.",
        "Add the dates to your calendar, and print it or copy it into an email if that is where you keep things.",
    ];
    pub const STATE_NOT_STARTED: &str = "not started";
    pub const STATE_IN_PROGRESS: &str = "in progress";
    pub const STATE_COMPLETE: &str = "complete";
    pub const STATE_NEEDS_ATTENTION: &str = "needs attention";
    pub const STATE_SKIPPED: &str = "skipped";
    pub const STAGE_START: &str = "Start";
    pub const STAGE_ESSENTIALS: &str = "The essentials";
    pub const STAGE_DEEPER: &str = "Going deeper (optional)";
    pub const STAGE_AGREE: &str = "Agree";
    pub const STEP_WELCOME: &str = "Welcome";
    pub const WELCOME_INTRO: &str =
        "A designed alliance, and how this form helps you make one together.";
    /// What the welcome says: a term, and what to know about it.
    pub const WELCOME: [(&str, &str); 5] = [
        (
            "What it is",
            "An informal agreement between two or more people who share a goal. Together you agree what you want to achieve and why it matters, how you will know it is working, who does what and when, how you will keep in touch, and how you will celebrate.",
        ),
        (
            "Why it helps",
            "Designing how you will work together, instead of hoping it works out, gives trust a frame to grow in quickly. It brings assumptions into the open before they cause trouble, and it asks each of you to offer what you ask of the others. It is a shared intention, not a contract: you revisit it and change it as you learn.",
        ),
        (
            "Who fills it in",
            "All of you, ideally together, as a conversation. It works for a coach and a client, a manager and a report, partners, a family, or a team and the people it serves.",
        ),
        (
            "How long it takes",
            "The essentials take about 20 minutes. Going deeper, into needs and offers, assumptions, hard times, trade-offs and keeping it alive, takes about 30 more, and each of those steps can be skipped. You can stop at any time and come back.",
        ),
        (
            "Where your answers stay",
            "In this browser, on this site, until you download them. Nothing is sent anywhere.",
        ),
    ];
    /// The buttons that move between steps say a verb, then where they go ("Next: The goal");
    /// on phones only the verb shows, and the whole stays the button's name.
    pub const BEGIN: &str = "Begin";
    pub const GO_DEEPER: &str = "Go deeper";
    pub const SKIP_TO_REVIEW: &str = "Skip to the review";
    pub const ESSENTIALS_DONE: &str = "That is the essentials. Going deeper takes about 30 minutes more, and every step of it can be skipped.";
    pub fn steps_done(done: usize, of: usize) -> String {
        format!("{done} of {of} steps done")
    }
    pub const NEXT: &str = "Next";
    pub const BACK: &str = "Back";
    pub const UNDO: &str = "Undo";
    pub const REDO: &str = "Redo";
    pub const UNDONE: &str = "Undone.";
    pub const REDONE: &str = "Redone.";
    pub const NOTHING_TO_UNDO: &str = "Nothing to undo.";
    pub const NOTHING_TO_REDO: &str = "Nothing to redo.";
    pub const TAKE_IT_AWAY: &str = "Save or share";
    pub const TOOLBAR: &str = "Alliance tools";
    pub const DOWNLOAD_JSON: &str = "Download file (.json)";
    pub const COPY_EMAIL: &str = "Copy for an email";
    pub const COPY_MARKDOWN: &str = "Copy as Markdown";
    pub const PRINT: &str = "Print or save as PDF";
    pub const DOWNLOAD_CALENDAR: &str = "Add dates to calendar (.ics)";
    pub const IMPORT: &str = "Open a file…";
    pub const DOWNLOADED: &str = "The file is downloading.";
    pub const CALENDAR_DOWNLOADED: &str = "The calendar file is downloading.";
    pub const COPIED: &str = "Copied. Paste it into an email or a document.";
    pub const COPIED_MARKDOWN: &str =
        "Copied as Markdown. Paste it where Markdown is read, such as your notes.";
    pub const COPY_FALLBACK_TITLE: &str = "Copy the text yourself";
    pub const COPY_FALLBACK_BODY: &str = "Your browser did not let the widget use the clipboard. The text is selected below: copy it with Ctrl+C (or \u{2318}C on a Mac).";
    pub const COPY_FALLBACK_LABEL: &str = "Your alliance as Markdown";
    pub const COPY_FALLBACK_PLAIN: &str = "Your alliance as text";
    pub const CLOSE: &str = "Close";
    pub fn download_failed(detail: &str) -> String {
        format!("The download could not start ({detail}). Try \u{201c}Copy as text\u{201d} instead; nothing you typed is lost.")
    }
    pub const IMPORT_TITLE: &str = "Open this alliance?";
    pub const IMPORT_REPLACE: &str = "Open as a new draft";
    pub const IMPORT_CANCEL: &str = "Keep what I have";
    pub const IMPORT_WARNING: &str =
        "It opens as a new draft. The one you are working on stays in My drafts.";
    pub const IMPORT_DONE: &str = "Alliance opened.";
    pub const IMPORT_CANCELLED: &str = "Nothing was changed.";
    pub const IMPORT_FAILED_TITLE: &str = "That file could not be opened";
    pub const IMPORT_UNCHANGED: &str = "Nothing was changed.";
    pub const IMPORT_READ_FAILED: &str =
        "The browser could not read that file. Try choosing it again.";
    pub const IMPORT_ONE_FILE: &str = "Drop one file at a time.";
    /// `importJson` was called with something other than text.
    pub const IMPORT_NOT_TEXT: &str = "importJson needs the text of a designed alliance file.";
    pub const STOPPED: &str = "This form has been taken off the page.";
    pub const DROP_HERE: &str = "Drop the file to open it";
    pub const FILE_INPUT_LABEL: &str = "Alliance file to open";
    pub const PREVIEW_SAVED_ON: &str = "Saved on";
    pub fn preview_counts(commitments: usize, measures: usize) -> String {
        format!("{commitments} commitments, {measures} ways of measuring progress")
    }
    pub const PREVIEW_PEOPLE: &str = "People";
    pub const FOR_EXAMPLE: &str = "For example:";
    pub const OPTIONAL: &str = "optional";
    pub const MSG_ERROR: &str = "Problem:";
    pub const MSG_MISSING: &str = "Missing:";
    pub const MSG_WARNING: &str = "Check:";
    pub const MSG_HINT: &str = "Tip:";
    pub const MOVE_UP: &str = "Move up";
    pub const MOVE_DOWN: &str = "Move down";
    pub const REMOVE: &str = "Remove";
    pub fn item_label(kind: &str, n: usize) -> String {
        format!("{kind} {n}")
    }
    pub fn moved(kind: &str, to: usize, of: usize) -> String {
        format!("{kind} moved to position {to} of {of}.")
    }
    pub fn removed(kind: &str) -> String {
        format!("{kind} removed. Press Ctrl+Z to bring it back.")
    }
    pub fn added(kind: &str) -> String {
        format!("{kind} added.")
    }
    pub const ITEM_MENU: &str = "Move or remove";
    pub const PERSON: &str = "Person";
    pub const ADD_PERSON: &str = "Add a person";
    pub const WHICH_IS_ME: &str = "Which of these is you, on this device?";
    pub const ME_NONE: &str = "None of them, or we fill it in together";
    pub const MORE_GOAL: &str = "And if nothing changes? (optional)";
    pub const MORE_CHECK_IN: &str = "The first check-in, its time, length and format (optional)";
    pub const MEASURE: &str = "Measure";
    pub const ADD_MEASURE: &str = "Add a way to measure progress";
    pub const COMMITMENT: &str = "Commitment";
    pub const ADD_COMMITMENT: &str = "Add a commitment";
    pub const WHEN_NOT_SET: &str = "Not decided yet";
    pub const WHEN_DATE: &str = "On or by a date";
    pub const WHEN_AFTER: &str = "After something happens";
    pub const WHEN_DATE_LABEL: &str = "Date";
    pub const WHEN_AFTER_LABEL: &str = "After what?";
    pub const CHANNEL: &str = "Channel";
    pub const ADD_CHANNEL: &str = "Add a channel";
    pub const CHECK_IN_HEADING: &str = "Our check-in";
    pub const CHANNELS_HEADING: &str = "Channels";
    pub const MILESTONES_HEADING: &str = "Milestones along the way";
    pub const PERMISSIONS_HEADING: &str = "Permissions we give each other";
    pub const UPDATES_HEADING: &str = "How each of us likes updates";
    pub fn update_style_for(name: &str) -> String {
        format!("Updates for {name}")
    }
    pub fn update_note_for(name: &str) -> String {
        format!("Anything else {name} wants to say about updates")
    }
    pub const ORPHANS_HEADING: &str = "Belonging to someone no longer in this alliance";
    pub const MILESTONE: &str = "Milestone";
    pub const ADD_MILESTONE: &str = "Add a milestone";
    pub const NEED: &str = "Need";
    pub const NEED_OR_OFFER: &str = "Need or offer";
    pub const RELATIONSHIP_NOTE: &str = "Anything to add about the relationship?";
    pub const OFFER: &str = "Offer";
    pub fn needs_of(name: &str) -> String {
        format!("What {name} asks of the others")
    }
    pub fn offers_of(name: &str) -> String {
        format!("What {name} offers in return")
    }
    pub fn add_need(name: &str) -> String {
        format!("Add a need for {name}")
    }
    pub fn add_offer(name: &str) -> String {
        format!("Add an offer from {name}")
    }
    pub const ASSUMPTION: &str = "Assumption";
    pub const ADD_ASSUMPTION: &str = "Add an assumption";
    pub const PERMISSION: &str = "Permission";
    pub const ADD_PERMISSION: &str = "Add a permission";
    pub const PERMISSION_FROM: &str = "Given by";
    pub const DECISION: &str = "Decision";
    pub const ADD_DECISION: &str = "Add a decision";
    pub const OPTION: &str = "Option";
    pub const ADD_OPTION: &str = "Add an option";
    pub const NOT_CHOSEN: &str = "Not decided yet";
    pub const REVISION: &str = "Revision";
    pub const REVISIONS_HEADING: &str = "Revision log";
    pub const REVISIONS_EMPTY: &str = "Nothing yet. When you agree again after a change, an entry appears here with the sections that changed.";
    pub const ADD_REVISION: &str = "Add a note to the log";
    pub const REVISION_DATE: &str = "Date";
    pub const REFLECT_BEFORE: &str = "Before you start: three questions to think about (optional)";
    pub const REFLECT_AFTER: &str = "Looking ahead";
    pub const REFLECT_REVIEW: &str = "When you hold a review";
    pub const REFLECT_NOTE: &str =
        "Optional. Your answers stay in the file, but are not part of what you agree.";
    pub const PARTIES_HEADING: &str = "Who is in this alliance?";
    pub const CHOOSE: &str = "Choose…";
    pub const NONE: &str = "Not decided yet";
    pub const MISSING_HEADING: &str = "Before you can agree";
    pub const MISSING_NONE: &str =
        "Everything needed is filled in. You can agree whenever you are ready.";
    pub const EDIT: &str = "Edit";
    pub fn edit_section(title: &str) -> String {
        format!("Edit {title}")
    }
    pub const NOTHING_YET: &str = "Nothing yet.";
    pub const NOT_READY: &str = "Some required parts are missing. See the list on the Review step.";
    pub const GO_TO_REVIEW: &str = "Go to the review";
    pub fn agree_as(name: &str) -> String {
        format!("{name}: I agree")
    }
    pub fn agreed_on(name: &str, date: &str) -> String {
        format!("{name} agreed on {date}.")
    }
    pub fn withdraw(name: &str) -> String {
        format!("{name}: take back my agreement")
    }
    pub const ALL_AGREED: &str = "Everyone has agreed. This is now your alliance.";
    pub fn someone_agreed(name: &str) -> String {
        format!("{name} agreed.")
    }
    pub const DRAFT_AGAIN: &str = "You changed the alliance after agreeing, so it is a draft again. Agree again when you are ready.";
    pub const STATUS_DRAFT: &str = "Draft";
    pub const STATUS_AGREED: &str = "Agreed";
    pub fn progress_label(percent: u32) -> String {
        format!("essentials {percent}% done")
    }
    pub const NOSCRIPT: &str = "This form needs JavaScript and WebAssembly.";
    pub const CRASH_TITLE: &str = "Something went wrong and this form has stopped working.";
    pub const CRASH_BODY: &str = "Whatever you typed is still shown below: copy anything you want to keep, then reload the page to start the form again.";
    pub const CRASH_DETAILS: &str = "Technical details";
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_question_has_prompt_help_and_an_example_for_each_group() {
        let mut prompts = HashSet::new();
        assert_eq!(QUESTION_IDS.len(), QUESTION_TEXT.len());
        for (i, q) in questions().enumerate() {
            assert_eq!(q.id as usize, i, "catalogue order matches ids");
            assert_eq!(
                QUESTION_TEXT[i].split('\u{1f}').count(),
                5,
                "{:?}: no separator inside the text",
                q.id
            );
            assert!(!q.prompt.trim().is_empty(), "{:?} prompt", q.id);
            assert!(!q.help.trim().is_empty(), "{:?} help", q.id);
            for g in [
                RelationshipGroup::Personal,
                RelationshipGroup::Professional,
                RelationshipGroup::Team,
            ] {
                assert!(
                    !q.examples.for_group(g).trim().is_empty(),
                    "{:?} {g:?}",
                    q.id
                );
            }
            assert!(prompts.insert(q.prompt), "prompt used twice: {}", q.prompt);
        }
        assert_eq!(question(QuestionId::GoalWhy).prompt, "Why does it matter?");
    }

    #[test]
    fn examples_follow_the_relationship_kind() {
        let q = question(QuestionId::GoalWhat);
        assert_eq!(
            q.examples.for_kind(Some(RelationshipKind::Partners)),
            q.examples.personal
        );
        assert_eq!(
            q.examples.for_kind(Some(RelationshipKind::Team)),
            q.examples.team
        );
        assert_eq!(
            q.examples.for_kind(Some(RelationshipKind::CoachAndClient)),
            q.examples.professional
        );
        assert_eq!(q.examples.for_kind(None), q.examples.professional);
    }

    #[test]
    fn reflections_cover_every_moment_in_order() {
        for (i, r) in REFLECTIONS.iter().enumerate() {
            assert_eq!(r.id as usize, i);
            assert!(!r.prompt.is_empty() && !r.help.is_empty());
        }
        for m in [
            ReflectionMoment::BeforeYouBegin,
            ReflectionMoment::AfterAgreeing,
            ReflectionMoment::AtReview,
        ] {
            assert!(
                REFLECTIONS.iter().filter(|r| r.moment == m).count() >= 2,
                "{m:?}"
            );
        }
    }

    #[test]
    fn every_section_has_a_title_and_intro() {
        let titles: HashSet<_> = SectionId::ALL.iter().map(|s| section(*s).title).collect();
        assert_eq!(titles.len(), SectionId::ALL.len());
        assert!(SectionId::ALL.iter().all(|s| !section(*s).intro.is_empty()));
    }
}
