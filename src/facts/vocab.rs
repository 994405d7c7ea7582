//! The vocabulary of the number rules, loaded once from `data/*.tsv`: units and currencies
//! (with their canonical symbol or ISO code and label), qualifier words, trend verbs, verb
//! endings, time nouns (numbers before them are dates or times) and object stop words.

use crate::morph::hash::{FastMap, FastSet};

use super::numeral::{ending_heads, number_starts};
use super::phrase::{Endings, PhraseTable};
use super::prefix::{PrefixIndex, SuffixIndex, Trigrams, WordMap};
use super::table::{rows, Row};
use crate::mention::{Direction, Label, Qualifier};

/// What a unit, currency or percent word makes of a number.
#[derive(Debug, Clone, Copy)]
pub struct Measure {
    /// Canonical unit symbol or ISO 4217 code.
    pub unit: &'static str,
    /// QUANTITY, MONEY, PERCENTAGE or CARDINAL (`есе`).
    pub label: Label,
    /// Multiplier to the canonical unit (`тиын` = 0.01 KZT).
    pub factor: f64,
}

/// A trend verb stem.
#[derive(Debug, Clone, Copy)]
pub struct Trend {
    /// The folded stem (`арт`, `жеткіз`).
    pub stem: &'static str,
    /// Up or down.
    pub direction: Direction,
    /// The verb names the level reached (`жеткізу` "bring up to"): relation `to`.
    pub reaches: bool,
}

/// Which case the number must be in before an `after` qualifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Governs {
    /// Any form.
    Any,
    /// Ablative (`-дан/-ден/-тан/-тен/-нан/-нен`).
    Ablative,
    /// Dative (`-ға/-ге/-қа/-ке/-на/-не`).
    Dative,
}

/// A qualifier word and where it stands.
#[derive(Debug, Clone, Copy)]
pub struct QualifierWord {
    /// Its normalized meaning.
    pub qualifier: Qualifier,
    /// The case the number must be in.
    pub governs: Governs,
}

/// All vocabulary of the number rules.
pub struct Vocabulary {
    /// Unit, currency and percent words.
    pub measures: PhraseTable<Measure>,
    /// Unit and currency signs (`%`, `$`, `₸`, `°C`), longest first.
    pub signs: Vec<(&'static str, Measure)>,
    /// The first bytes of `signs`: text that starts with no such byte starts with no sign.
    pub sign_first_bytes: ByteSet,
    /// The last bytes of the currency signs of `signs`.
    pub money_sign_last_bytes: ByteSet,
    /// Qualifier words before the number.
    pub qualifiers_before: PhraseTable<QualifierWord>,
    /// Qualifier words after the number (or its unit).
    pub qualifiers_after: PhraseTable<QualifierWord>,
    /// Trend verb stems.
    pub trends: Vec<Trend>,
    /// The byte lengths of the stems of `trends`, by their first letters.
    pub trend_stems: PrefixIndex,
    /// The index in `trends` of each stem (its first row).
    pub trend_index: FastMap<&'static str, usize>,
    /// The first three letters of every trend verb form (a stem and a verb ending), to
    /// reject most words with one bit test; None when some stem and ending together are
    /// shorter than three letters (a longer form's third letter is then anything).
    pub trend_starts: Option<Trigrams>,
    /// The first three letters of every word that a number word, a qualifier (before or
    /// after), a time noun or a trend verb form can start with (with any ending): a word
    /// outside them is none of these. None when `trend_starts` is None.
    pub rule_word_starts: Option<Trigrams>,
    /// Comparative words stating a difference (`көп`, `төмен`).
    pub comparatives: WordMap<Direction>,
    /// Endings that make a stem a verb form.
    pub verb_endings: FastSet<&'static str>,
    /// Nouns that make a number a DATE or TIME.
    pub time_nouns: PhraseTable<()>,
    /// Word starts before (`нөмірі`) and after (`съезі`, `сайлау учаскесі`) an ordinal that
    /// make it part of a longer name.
    pub name_parts_before: Vec<&'static str>,
    /// See `name_parts_before`.
    pub name_parts_after: Vec<&'static str>,
    /// Word starts after a number word that make it no count (`бір реттік`).
    pub not_counted: Vec<&'static str>,
    /// Words before a bare `бір` that make it an article.
    pub article_before: WordMap<()>,
    /// Classifier nouns skipped before a counted object (`бірлік`, `бас`), with the unit a
    /// CARDINAL takes from them (`pcs`, `head`), if any.
    pub classifiers: WordMap<Option<&'static str>>,
    /// Word endings of verb forms and verbal nouns (`-ып`, `-ған`, `-у`), with the least
    /// length in letters of a word that ends so: such a word is never a counted object.
    pub verb_shapes: SuffixIndex<usize>,
    /// Nouns naming the measure itself (`деңгей`, `көлем`, `баға`), by word start: after a
    /// unit they are not what is measured.
    pub measure_nouns: Vec<&'static str>,
    /// Plain adjectives kept in a counted object (`жаңа`, `жас`).
    pub object_adjectives: WordMap<()>,
    /// Fixed compound nouns that are objects as a whole (`елді мекен`, `ірі қара`).
    pub compound_nouns: PhraseTable<&'static str>,
    /// Words that are never a counted object.
    pub not_objects: WordMap<()>,
    /// How many of a larger unit one smaller unit is (`cm` in `m`: 0.01).
    ratios: Vec<(&'static str, &'static str, f64)>,
}

impl Vocabulary {
    /// The size of one `small` in `big` units, for compound amounts; 1 for the same unit.
    pub fn ratio(&self, small: &str, big: &str) -> Option<f64> {
        if small == big {
            return Some(1.0);
        }
        self.ratios
            .iter()
            .find(|(s, b, _)| *s == small && *b == big)
            .map(|r| r.2)
    }
}

/// A set of byte values: a one-load test before a scan of strings that must start (or end)
/// with one of them.
pub struct ByteSet([bool; 256]);

impl Default for ByteSet {
    fn default() -> Self {
        ByteSet([false; 256])
    }
}

impl ByteSet {
    fn insert(&mut self, byte: Option<u8>) {
        if let Some(b) = byte {
            self.0[b as usize] = true;
        }
    }

    /// True when `byte` is in the set (None never is).
    #[inline]
    pub fn contains(&self, byte: Option<u8>) -> bool {
        byte.is_some_and(|b| self.0[b as usize])
    }
}

/// Column 2 of a row: `increase` or `decrease`.
fn direction(row: &Row<'_>) -> Direction {
    match row.cell(1) {
        "increase" => Direction::Increase,
        "decrease" => Direction::Decrease,
        _ => row.fail("direction must be increase or decrease"),
    }
}

/// Rows of `word, increase|decrease`.
fn directions(file: &'static str, content: &'static str) -> WordMap<Direction> {
    rows(file, content)
        .map(|row| (row.cell(0), direction(&row)))
        .collect()
}

fn label(name: &str) -> Option<Label> {
    Label::from_name(name).filter(|l| l.is_numeric())
}

impl Vocabulary {
    /// Loads every table; panics naming file and line on a malformed row.
    pub fn load() -> Self {
        let mut measures = PhraseTable::new();
        let mut signs = Vec::new();
        let mut add = |phrase: &'static str, measure: Measure| {
            if phrase.starts_with(char::is_alphanumeric) {
                // Abbreviations of one or two letters (`т`, `км`) take no glued endings.
                let endings = if phrase.chars().count() > 2 {
                    Endings::Any
                } else {
                    Endings::None
                };
                measures.insert(phrase, endings, measure);
            } else {
                signs.push((phrase, measure));
            }
        };
        for row in rows("units.tsv", include_str!("data/units.tsv")) {
            let label = label(row.cell(2)).unwrap_or_else(|| row.fail("unknown label"));
            let factor = row.optional(3).map_or(1.0, |_| row.parse(3));
            add(
                row.cell(0),
                Measure {
                    unit: row.cell(1),
                    label,
                    factor,
                },
            );
        }
        for row in rows("currencies.tsv", include_str!("data/currencies.tsv")) {
            let factor = row.optional(2).map_or(1.0, |_| row.parse(2));
            let measure = Measure {
                unit: row.cell(1),
                label: Label::Money,
                factor,
            };
            add(row.cell(0), measure);
        }
        signs.sort_by_key(|s| std::cmp::Reverse(s.0.len()));
        let mut sign_first_bytes = ByteSet::default();
        let mut money_sign_last_bytes = ByteSet::default();
        for (sign, measure) in &signs {
            sign_first_bytes.insert(sign.as_bytes().first().copied());
            if measure.label == Label::Money {
                money_sign_last_bytes.insert(sign.as_bytes().last().copied());
            }
        }
        let mut qualifiers_before = PhraseTable::new();
        let mut qualifiers_after = PhraseTable::new();
        for row in rows("qualifiers.tsv", include_str!("data/qualifiers.tsv")) {
            let qualifier =
                Qualifier::from_name(row.cell(1)).unwrap_or_else(|| row.fail("unknown qualifier"));
            let before = match row.cell(2) {
                "before" => true,
                "after" => false,
                _ => row.fail("position must be before or after"),
            };
            let governs = match row.cell(3) {
                "any" => Governs::Any,
                "abl" => Governs::Ablative,
                "dat" => Governs::Dative,
                _ => row.fail("case must be any, abl or dat"),
            };
            let inflects = match row.optional(4) {
                None => Endings::None,
                Some("inflects") => Endings::Inflection,
                Some(_) => row.fail("last column must be `inflects` or empty"),
            };
            let word = QualifierWord { qualifier, governs };
            let table = if before {
                &mut qualifiers_before
            } else {
                &mut qualifiers_after
            };
            table.insert(row.cell(0), inflects, word);
        }
        let trends: Vec<Trend> = rows("trend_verbs.tsv", include_str!("data/trend_verbs.tsv"))
            .map(|row| Trend {
                stem: row.cell(0),
                direction: direction(&row),
                reaches: match row.optional(2) {
                    None => false,
                    Some("to") => true,
                    Some(other) => {
                        row.fail(&format!("third column is `to` or empty, not `{other}`"))
                    }
                },
            })
            .collect();
        let comparatives = directions("comparatives.tsv", include_str!("data/comparatives.tsv"));
        let verb_endings = rows("verb_endings.tsv", include_str!("data/verb_endings.tsv"))
            .map(|row| row.cell(0))
            .collect();
        let mut time_nouns = PhraseTable::new();
        for row in rows("time_nouns.tsv", include_str!("data/time_nouns.tsv")) {
            time_nouns.insert(row.cell(0), Endings::Any, ());
        }
        let not_objects = rows("not_objects.tsv", include_str!("data/not_objects.tsv"))
            .map(|row| row.cell(0))
            .collect();
        let ratios = rows("unit_ratios.tsv", include_str!("data/unit_ratios.tsv"))
            .map(|row| (row.cell(0), row.cell(1), row.parse(2)))
            .collect();
        let not_counted = rows("not_counted.tsv", include_str!("data/not_counted.tsv"))
            .map(|row| row.cell(0))
            .collect();
        let (mut name_parts_before, mut name_parts_after) = (Vec::new(), Vec::new());
        for row in rows("name_parts.tsv", include_str!("data/name_parts.tsv")) {
            match row.cell(1) {
                "before" => name_parts_before.push(row.cell(0)),
                "after" => name_parts_after.push(row.cell(0)),
                _ => row.fail("side must be before or after"),
            }
        }
        let article_before = rows(
            "article_before.tsv",
            include_str!("data/article_before.tsv"),
        )
        .map(|row| row.cell(0))
        .collect();
        let classifiers = rows("classifiers.tsv", include_str!("data/classifiers.tsv"))
            .map(|row| (row.cell(0), row.optional(1)))
            .collect();
        let verb_shapes = SuffixIndex::new(
            rows("verb_shapes.tsv", include_str!("data/verb_shapes.tsv"))
                .map(|row| (row.cell(0), row.parse(1))),
        );
        let measure_nouns = rows("measure_nouns.tsv", include_str!("data/measure_nouns.tsv"))
            .map(|row| row.cell(0))
            .collect();
        let object_adjectives = rows(
            "object_adjectives.tsv",
            include_str!("data/object_adjectives.tsv"),
        )
        .map(|row| row.cell(0))
        .collect();
        let mut compound_nouns = PhraseTable::new();
        for row in rows(
            "compound_nouns.tsv",
            include_str!("data/compound_nouns.tsv"),
        ) {
            compound_nouns.insert(row.cell(0), Endings::Any, row.cell(1));
        }
        let trend_starts = starts_of(&trends, &verb_endings);
        let rule_word_starts = trend_starts.as_ref().map(|trend_starts| {
            let mut starts = Trigrams::default();
            starts.union_with(trend_starts);
            starts.union_with(number_starts());
            let heads = ending_heads();
            for table in [&qualifiers_before, &qualifiers_after] {
                table.add_starts(&mut starts, &heads);
            }
            time_nouns.add_starts(&mut starts, &heads);
            starts
        });
        Vocabulary {
            rule_word_starts,
            trend_starts,
            classifiers,
            verb_shapes,
            measure_nouns,
            object_adjectives,
            compound_nouns,
            article_before,
            name_parts_before,
            name_parts_after,
            not_counted,
            ratios,
            measures,
            signs,
            sign_first_bytes,
            money_sign_last_bytes,
            qualifiers_before,
            qualifiers_after,
            trend_stems: stems_of(&trends),
            trend_index: index_of(&trends),
            trends,
            comparatives,
            verb_endings,
            time_nouns,
            not_objects,
        }
    }
}

/// The lengths of the stems of a table, by their first letters.
fn stems_of(trends: &[Trend]) -> PrefixIndex {
    let mut stems = PrefixIndex::default();
    for trend in trends {
        stems.insert(trend.stem);
    }
    stems
}

/// The first three letters of each stem followed by each verb ending, or None when some such
/// form has fewer than three letters.
fn starts_of(trends: &[Trend], endings: &FastSet<&'static str>) -> Option<Trigrams> {
    let mut starts = Trigrams::default();
    for trend in trends {
        for ending in endings.iter().filter(|e| !e.is_empty()) {
            let form = format!("{}{ending}", trend.stem);
            if form.chars().count() < 3 {
                return None;
            }
            starts.insert(&form);
        }
    }
    Some(starts)
}

/// The row of each stem (the first, if a stem is repeated).
fn index_of(trends: &[Trend]) -> FastMap<&'static str, usize> {
    let mut index = FastMap::default();
    for (k, trend) in trends.iter().enumerate() {
        index.entry(trend.stem).or_insert(k);
    }
    index
}
