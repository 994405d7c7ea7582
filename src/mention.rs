//! The internal results of extraction: numeric [`Fact`]s and named [`Entity`]s over byte
//! spans of one field, each labelled with a KazNERD class and tagged with the id of the rule
//! that built it. [`crate::record`] turns them into the public output format.

use serde::{Deserialize, Serialize};

use crate::text::Span;

/// KazNERD's 25 classes. Serialized as the class name (`"CARDINAL"`, `"GPE"`…).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[allow(missing_docs)]
pub enum Label {
    Cardinal,
    Ordinal,
    Percentage,
    Money,
    Quantity,
    Date,
    Time,
    Person,
    Organisation,
    Gpe,
    Location,
    Position,
    Norp,
    Law,
    Project,
    Event,
    Facility,
    Product,
    Language,
    Disease,
    Contact,
    Art,
    Adage,
    Miscellaneous,
    NonHuman,
}

impl Label {
    /// Every class, in declaration order.
    pub const ALL: [Label; 25] = [
        Label::Cardinal,
        Label::Ordinal,
        Label::Percentage,
        Label::Money,
        Label::Quantity,
        Label::Date,
        Label::Time,
        Label::Person,
        Label::Organisation,
        Label::Gpe,
        Label::Location,
        Label::Position,
        Label::Norp,
        Label::Law,
        Label::Project,
        Label::Event,
        Label::Facility,
        Label::Product,
        Label::Language,
        Label::Disease,
        Label::Contact,
        Label::Art,
        Label::Adage,
        Label::Miscellaneous,
        Label::NonHuman,
    ];

    /// The KazNERD class name, as in IOB2 tags.
    pub fn name(self) -> &'static str {
        match self {
            Label::Cardinal => "CARDINAL",
            Label::Ordinal => "ORDINAL",
            Label::Percentage => "PERCENTAGE",
            Label::Money => "MONEY",
            Label::Quantity => "QUANTITY",
            Label::Date => "DATE",
            Label::Time => "TIME",
            Label::Person => "PERSON",
            Label::Organisation => "ORGANISATION",
            Label::Gpe => "GPE",
            Label::Location => "LOCATION",
            Label::Position => "POSITION",
            Label::Norp => "NORP",
            Label::Law => "LAW",
            Label::Project => "PROJECT",
            Label::Event => "EVENT",
            Label::Facility => "FACILITY",
            Label::Product => "PRODUCT",
            Label::Language => "LANGUAGE",
            Label::Disease => "DISEASE",
            Label::Contact => "CONTACT",
            Label::Art => "ART",
            Label::Adage => "ADAGE",
            Label::Miscellaneous => "MISCELLANEOUS",
            Label::NonHuman => "NON_HUMAN",
        }
    }

    /// Parses a KazNERD class name.
    pub fn from_name(name: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.name() == name)
    }

    /// True for the numeric classes produced by the fact extractor.
    pub fn is_numeric(self) -> bool {
        matches!(
            self,
            Label::Cardinal
                | Label::Ordinal
                | Label::Percentage
                | Label::Money
                | Label::Quantity
                | Label::Date
                | Label::Time
        )
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// How the text bounds a number (`2,5 мыңнан астам` is `more_than`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// No qualifier word.
    #[default]
    Exact,
    /// шамамен, шамасында, шақты, қаралы, -дай/-дей…
    About,
    /// астам, аса, артық
    MoreThan,
    /// кем, -дан аз
    LessThan,
    /// жуық, тарта
    Nearly,
    /// дейін, шейін
    UpTo,
    /// кемінде, кем дегенде
    AtLeast,
    /// ең көбі, аспайтын
    AtMost,
}

impl Qualifier {
    /// Every qualifier.
    pub const ALL: [Qualifier; 8] = [
        Qualifier::Exact,
        Qualifier::About,
        Qualifier::MoreThan,
        Qualifier::LessThan,
        Qualifier::Nearly,
        Qualifier::UpTo,
        Qualifier::AtLeast,
        Qualifier::AtMost,
    ];

    /// The snake_case name used in output and tables.
    pub fn name(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::MoreThan => "more_than",
            Qualifier::LessThan => "less_than",
            Qualifier::Nearly => "nearly",
            Qualifier::UpTo => "up_to",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
        }
    }

    /// Parses the snake_case name.
    pub fn from_name(name: &str) -> Option<Qualifier> {
        Qualifier::ALL.into_iter().find(|q| q.name() == name)
    }
}

/// Direction of a change stated by the clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// арт-, өс-, көбей-, ұлғай-
    Increase,
    /// азай-, төменде-, қысқар-, кемі-
    Decrease,
}

/// Whether the number is the size of the change (`10%-ға азайды`: by) or the level reached
/// (`98%-ға дейін артты`: to).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The number is the amount of change.
    By,
    /// The number is the new level.
    To,
}

/// A rise or fall the sentence attaches to a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// Rose or fell.
    pub direction: Direction,
    /// By that much, or to that level.
    pub relation: Relation,
}

/// A numeric fact found in one field.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// CARDINAL, ORDINAL, PERCENTAGE, MONEY, QUANTITY, DATE or TIME.
    pub label: Label,
    /// Bytes of the field covered, suffixes and qualifier words included (KazNERD style).
    pub span: Span,
    /// The normalized value (full magnitude; the lower bound's partner for ranges is `high`).
    pub value: Option<f64>,
    /// Lower end of a range.
    pub low: Option<f64>,
    /// Upper end of a range.
    pub high: Option<f64>,
    /// Canonical unit: a symbol (`kg`, `km`, `%`), an ISO 4217 code (`KZT`), or `times`.
    pub unit: Option<String>,
    /// How the text bounds the number.
    pub qualifier: Qualifier,
    /// The counted noun phrase in canonical form (`қылмыстық іс`).
    pub object: Option<String>,
    /// Rise or fall stated by the clause.
    pub change: Option<Change>,
    /// ISO 8601 form of a DATE or TIME (`2025-01-05`, `2025`, `2025-01`, `20:40`).
    pub iso: Option<String>,
    /// Id of the rule that built it (`money/number-scale-currency`).
    pub rule: &'static str,
}

impl Fact {
    /// A fact with the given label, span and rule and every optional field empty.
    pub fn new(label: Label, span: Span, rule: &'static str) -> Self {
        Fact {
            label,
            span,
            value: None,
            low: None,
            high: None,
            unit: None,
            qualifier: Qualifier::Exact,
            object: None,
            change: None,
            iso: None,
            rule,
        }
    }
}

/// A named entity found in one field.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Any non-numeric KazNERD class.
    pub label: Label,
    /// Bytes of the field covered, the case ending included (KazNERD style).
    pub span: Span,
    /// Canonical (uninflected) form: `Ішкі істер министрлігінде` → `Ішкі істер министрлігі`.
    pub lemma: String,
    /// For an abbreviation, the full name when the article spells it out.
    pub expansion: Option<String>,
    /// Id of the rule that built it (`org/marker-head`).
    pub rule: &'static str,
}
