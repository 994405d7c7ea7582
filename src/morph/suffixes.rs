//! The suffix table (`data/suffixes.tsv`): which allomorph may follow which final sound, and
//! the letter classes of reference F.2.

use super::table;

/// A suffix slot, in peeling order (outermost first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// Attributive after a locative: `-дағы`, `-ндегі`.
    Attr = 0,
    /// Case endings.
    Case = 1,
    /// Possessive endings.
    Possessive = 2,
    /// Plural.
    Plural = 3,
}

impl Slot {
    /// Every slot in peeling order.
    pub const ALL: [Slot; 4] = [Slot::Attr, Slot::Case, Slot::Possessive, Slot::Plural];

    fn from_name(name: &str) -> Option<Slot> {
        match name {
            "ATTR" => Some(Slot::Attr),
            "CASE" => Some(Slot::Case),
            "POSSESSIVE" => Some(Slot::Possessive),
            "PLURAL" => Some(Slot::Plural),
            _ => None,
        }
    }

    /// Index in [`Slot::ALL`] of the first slot that may stand inside this one. The
    /// attributive already contains its locative, so no case follows it inward.
    pub fn inner_index(self) -> usize {
        match self {
            Slot::Attr => Slot::Possessive as usize,
            other => other as usize + 1,
        }
    }

    /// Bit of this slot in an analysis' slot mask.
    pub fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// Letter classes of a stem's final sound (bit flags).
pub mod class {
    /// A vowel.
    pub const V: u8 = 1;
    /// `р й у и`.
    pub const R: u8 = 2;
    /// `л`.
    pub const L: u8 = 4;
    /// `з ж`.
    pub const Z: u8 = 8;
    /// `м н ң`.
    pub const N: u8 = 16;
    /// Voiceless consonants, and final `б в г д` in loans.
    pub const T: u8 = 32;
    /// After a 3rd-person possessive (ends in `ы`/`і`).
    pub const P3: u8 = 64;

    pub(super) fn from_name(name: &str) -> Option<u8> {
        Some(match name {
            "V" => V,
            "R" => R,
            "L" => L,
            "Z" => Z,
            "N" => N,
            "T" => T,
            "P3" => P3,
            _ => return None,
        })
    }
}

/// True for a Kazakh or Russian vowel letter (folded lowercase).
pub fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'а' | 'ә' | 'е' | 'ё' | 'и' | 'о' | 'ө' | 'у' | 'ұ' | 'ү' | 'ы' | 'і' | 'э' | 'ю' | 'я'
    )
}

/// True for a back vowel (harmony: back endings follow it).
pub fn is_back_vowel(c: char) -> bool {
    matches!(c, 'а' | 'о' | 'ұ' | 'ы' | 'я' | 'у')
}

/// The classes the final letter of `stem` belongs to (0 for an empty or non-Cyrillic end).
pub fn classes_of(stem: &str) -> u8 {
    let Some(last) = stem.chars().rev().find(|c| !matches!(c, 'ь' | 'ъ')) else {
        return 0;
    };
    let base = match last {
        'р' | 'й' | 'у' | 'и' => class::R,
        'л' => class::L,
        'з' | 'ж' => class::Z,
        'м' | 'н' | 'ң' => class::N,
        'п' | 'к' | 'қ' | 'с' | 'т' | 'ш' | 'ф' | 'х' | 'һ' | 'ц' | 'ч' | 'щ' | 'б' | 'в' | 'г'
        | 'ғ' | 'д' => class::T,
        c if is_vowel(c) => class::V,
        _ => 0,
    };
    if matches!(last, 'ы' | 'і') && stem.chars().count() > 2 {
        base | class::P3
    } else {
        base
    }
}

/// One allomorph of one slot.
#[derive(Debug, Clone)]
pub struct Suffix {
    /// Its slot.
    pub slot: Slot,
    /// The folded lowercase allomorph.
    pub text: &'static str,
    /// Classes (see [`class`]) of the remainder it may follow.
    pub after: u8,
    /// True when an entity lemma drops it (case, attributive, plural-person possessives).
    pub strip_in_lemma: bool,
    /// True when it begins with a vowel (triggers stem repairs).
    pub vowel_initial: bool,
    /// Length in chars.
    pub chars: usize,
}

/// All suffixes per slot, longest first, also grouped by their last letter (a word can
/// only end in suffixes that end in its own last letter: one probe instead of a scan).
pub struct SuffixTable {
    by_slot: [Vec<Suffix>; 4],
    by_last: [Vec<(char, Vec<Suffix>)>; 4],
}

const FILE: &str = "src/morph/data/suffixes.tsv";

impl SuffixTable {
    /// Parses the bundled table (panics with file and line on a bad row).
    pub fn load() -> Self {
        let mut by_slot: [Vec<Suffix>; 4] = Default::default();
        for row in table::rows(FILE, include_str!("data/suffixes.tsv"), 4) {
            let slot = Slot::from_name(row.col(0))
                .unwrap_or_else(|| panic!("{FILE}:{}: unknown slot {:?}", row.line, row.col(0)));
            let mut after = 0;
            for name in row.col(2).split(',') {
                after |= class::from_name(name.trim())
                    .unwrap_or_else(|| panic!("{FILE}:{}: unknown class {name:?}", row.line));
            }
            let strip_in_lemma = match row.col(3) {
                "strip" => true,
                "keep" => false,
                other => panic!("{FILE}:{}: expected strip or keep, got {other:?}", row.line),
            };
            let text = row.col(1);
            by_slot[slot as usize].push(Suffix {
                slot,
                text,
                after,
                strip_in_lemma,
                vowel_initial: text.chars().next().is_some_and(is_vowel),
                chars: text.chars().count(),
            });
        }
        let mut by_last: [Vec<(char, Vec<Suffix>)>; 4] = Default::default();
        for (list, grouped) in by_slot.iter_mut().zip(by_last.iter_mut()) {
            list.sort_by_key(|s| std::cmp::Reverse(s.chars));
            for suffix in list.iter() {
                let Some(last) = suffix.text.chars().next_back() else {
                    continue;
                };
                match grouped.iter_mut().find(|(c, _)| *c == last) {
                    Some((_, group)) => group.push(suffix.clone()),
                    None => grouped.push((last, vec![suffix.clone()])),
                }
            }
        }
        SuffixTable { by_slot, by_last }
    }

    /// The allomorphs of `slot` ending in `last`, longest first.
    pub fn ending_in(&self, slot: Slot, last: char) -> &[Suffix] {
        self.by_last[slot as usize]
            .iter()
            .find(|(c, _)| *c == last)
            .map_or(&[], |(_, group)| group.as_slice())
    }

    /// The allomorphs of `slot`, longest first.
    pub fn slot(&self, slot: Slot) -> &[Suffix] {
        &self.by_slot[slot as usize]
    }

    /// True when `word` is made only of suffixes (one per slot, in order), e.g. the part
    /// after the hyphen in `АҚШ-тың` or `1000-нан`. Letter classes are not checked.
    pub fn is_suffix_chain(&self, word: &str) -> bool {
        !word.is_empty() && self.chain_from(word, 0)
    }

    fn chain_from(&self, rest: &str, first_slot: usize) -> bool {
        if rest.is_empty() {
            return true;
        }
        const LEFT_TO_RIGHT: [Slot; 4] = [Slot::Plural, Slot::Possessive, Slot::Case, Slot::Attr];
        LEFT_TO_RIGHT[first_slot..]
            .iter()
            .enumerate()
            .any(|(k, &slot)| {
                self.slot(slot).iter().any(|s| {
                    rest.strip_prefix(s.text)
                        .is_some_and(|r| self.chain_from(r, first_slot + k + 1))
                })
            })
    }
}
