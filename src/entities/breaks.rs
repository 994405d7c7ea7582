//! What ends a name chain running left from a head word (`data/name_breaks.tsv`): words
//! that never belong to a name, case endings no inner name word carries, generic nouns,
//! links (`атындағы`), words of naming, and person names (posts are not owned by people).

use std::sync::OnceLock;

use crate::morph::hash::FastSet;

use crate::morph::morph;
use crate::text::fold::fold_word;
use crate::text::Text;

use super::lexicon::StemMap;
use super::table::rows;

/// What ends a name chain (`data/name_breaks.tsv`): words that never belong to a name,
/// case endings no inner name word carries, and generic nouns that cannot own a head alone.
pub struct Breaks {
    first_names: FastSet<String>,
    surname_endings: Endings,
    words: FastSet<String>,
    endings: Endings,
    initial_endings: Endings,
    generic: FastSet<String>,
    generic_any: FastSet<String>,
    links: FastSet<String>,
    owner_endings: Endings,
    naming: FastSet<String>,
    /// Organisation and position heads: a generic noun right before one is no name.
    heads: StemMap<()>,
}

/// Shortest lowercase word (in chars) checked for a case ending: `сауда` is a stem.
const MIN_INFLECTED_CHARS: usize = 6;
/// Letters a sentence-initial word must keep before a case ending to count as inflected.
const MIN_INITIAL_STEM_CHARS: usize = 3;
/// The same for a capitalized word inside a sentence, where a name is likelier
/// (`Сауда палатасы` is no locative).
const MIN_INNER_STEM_CHARS: usize = 4;

impl Breaks {
    /// The one instance all rules share (loaded on first use).
    pub fn shared() -> &'static Breaks {
        static SHARED: OnceLock<Breaks> = OnceLock::new();
        SHARED.get_or_init(Breaks::new)
    }

    /// Loads `data/name_breaks.tsv`.
    pub fn new() -> Self {
        let mut breaks = Breaks {
            first_names: rows(
                "src/entities/data/first_names.tsv",
                include_str!("data/first_names.tsv"),
            )
            .map(|row| fold_word(row.cell(0)))
            .collect(),
            surname_endings: rows(
                "src/entities/data/surname_endings.tsv",
                include_str!("data/surname_endings.tsv"),
            )
            .map(|row| fold_word(row.cell(0)))
            .collect(),
            words: FastSet::default(),
            endings: Endings::default(),
            initial_endings: Endings::default(),
            generic: FastSet::default(),
            generic_any: FastSet::default(),
            links: FastSet::default(),
            owner_endings: Endings::default(),
            naming: FastSet::default(),
            heads: StemMap::default(),
        };
        let head_tables = [
            ("org_markers.tsv", include_str!("data/org_markers.tsv")),
            ("positions.tsv", include_str!("data/positions.tsv")),
        ];
        for (file, source) in head_tables {
            for row in rows(file, source) {
                breaks.heads.insert(row.cell(0), ());
            }
        }
        for row in rows("name_breaks.tsv", include_str!("data/name_breaks.tsv")) {
            let entry = fold_word(row.cell(0));
            match row.cell(1) {
                "word" => {
                    breaks.words.insert(entry);
                }
                "ending" => breaks.endings.push(entry),
                "initial" => breaks.initial_endings.push(entry),
                "generic" => {
                    breaks.generic.insert(entry);
                }
                "generic-any" => {
                    breaks.generic_any.insert(entry);
                }
                "link" => {
                    breaks.links.insert(entry);
                }
                "owner" => breaks.owner_endings.push(entry),
                "naming" => {
                    breaks.naming.insert(entry);
                }
                other => row.fail(&format!("unknown kind `{other}`")),
            }
        }
        breaks
    }

    /// True when word `i` ends every name chain.
    pub fn is_break(&self, text: &Text, i: usize) -> bool {
        let norm = text.norm(i);
        let word = &text.words[i];
        let chars = || norm.chars().count();
        let min_stem = if word.sentence_start {
            MIN_INITIAL_STEM_CHARS
        } else {
            MIN_INNER_STEM_CHARS
        };
        let ends = |list: &Endings, min: usize| list.any(norm, |e| chars() >= e.chars + min);
        // The ending tests first: they look at a few endings of the word's last byte, the
        // set lookup hashes the whole word.
        (!word.capitalized && ends(&self.endings, 0) && chars() >= MIN_INFLECTED_CHARS)
            || (word.capitalized
                && ends(&self.initial_endings, min_stem)
                && !morph().is_known(norm))
            || self.words.contains(norm)
    }

    /// True when capitalized word `i` reads as a person's first name or surname.
    pub fn is_person(&self, text: &Text, i: usize) -> bool {
        text.words[i].capitalized
            && morph()
                .find_stem_at(text, i, |stem| {
                    let surname = self
                        .surname_endings
                        .any(stem, |e| stem.len() > e.text.len() + 4);
                    (surname || self.first_names.contains(stem)).then_some(())
                })
                .is_some()
    }

    /// True when word `i` cannot start a name: a generic adjective, or a generic noun
    /// right before a head (`Ауыл әкімінің орынбасары`, but `Ауыл шаруашылығы министрлігі`).
    pub fn is_generic(&self, text: &Text, i: usize) -> bool {
        let norm = text.norm(i);
        self.generic_any.contains(norm)
            || (self.generic.contains(norm)
                && (i + 1 >= text.words.len() || self.heads.word(text, i + 1).is_some()))
    }

    /// True when word `i` (before word `head`) is one word of a person's full name
    /// (`Гүлшара Әбдіқалықова`): organisations are named after one name (`Назарбаев
    /// университеті`), never after a first name and surname.
    pub fn is_full_name_part(&self, text: &Text, i: usize, head: usize) -> bool {
        self.is_person(text, i)
            && ((i > 0 && self.is_person(text, i - 1))
                || (i + 1 < head && self.is_person(text, i + 1)))
    }

    /// True when word `i` is a word of naming (`деп аталатын`, `атты`).
    pub fn is_naming(&self, text: &Text, i: usize) -> bool {
        self.naming.contains(text.norm(i))
    }

    /// True when word `i` ends like an owner or head noun (genitive, possessive).
    pub fn is_owner_form(&self, text: &Text, i: usize) -> bool {
        let norm = text.norm(i);
        self.owner_endings.any(norm, |e| norm.len() > e.text.len())
    }

    /// True when lowercase word `i` links two named parts (`атындағы`).
    pub fn is_link(&self, text: &Text, i: usize) -> bool {
        self.links.contains(text.norm(i))
    }
}

/// One word ending of a list, with its length in chars.
struct Ending {
    text: String,
    chars: usize,
}

/// A list of folded word endings, grouped by their last byte so that a word is only
/// compared with the endings that can end it.
struct Endings {
    by_last_byte: Vec<Vec<Ending>>,
    /// Empty endings (they end every word).
    empty: Vec<Ending>,
}

impl Default for Endings {
    fn default() -> Self {
        Endings {
            by_last_byte: (0..256).map(|_| Vec::new()).collect(),
            empty: Vec::new(),
        }
    }
}

impl Endings {
    fn push(&mut self, text: String) {
        let ending = Ending {
            chars: text.chars().count(),
            text,
        };
        match ending.text.as_bytes().last() {
            Some(&b) => self.by_last_byte[usize::from(b)].push(ending),
            None => self.empty.push(ending),
        }
    }

    /// True when `word` ends with an ending for which `also` holds.
    fn any(&self, word: &str, also: impl Fn(&Ending) -> bool) -> bool {
        let bucket = match word.as_bytes().last() {
            Some(&b) => self.by_last_byte[usize::from(b)].as_slice(),
            None => &[],
        };
        bucket
            .iter()
            .chain(&self.empty)
            .any(|e| word.ends_with(e.text.as_str()) && also(e))
    }
}

impl FromIterator<String> for Endings {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        let mut endings = Endings::default();
        for text in iter {
            endings.push(text);
        }
        endings
    }
}

impl Default for Breaks {
    fn default() -> Self {
        Breaks::new()
    }
}
