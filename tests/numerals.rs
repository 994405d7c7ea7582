//! Property tests of the numeral reader: random integers up to 10^12 are spelled in Kazakh
//! words by a generator written here (independent of the reader's tables), with and without
//! a case ending, and must read back exactly; digit and word forms of one amount agree.

use kazfacts::facts::numeral::read_numeral;
use kazfacts::text::Text;
use proptest::prelude::*;

const UNITS: [&str; 10] = [
    "",
    "бір",
    "екі",
    "үш",
    "төрт",
    "бес",
    "алты",
    "жеті",
    "сегіз",
    "тоғыз",
];
const TENS: [&str; 10] = [
    "",
    "он",
    "жиырма",
    "отыз",
    "қырық",
    "елу",
    "алпыс",
    "жетпіс",
    "сексен",
    "тоқсан",
];
const SCALES: [&str; 4] = ["мың", "миллион", "миллиард", "триллион"];

/// Words for 1..=999; `explicit_one` writes `бір жүз` instead of `жүз`.
fn below_thousand(n: u64, explicit_one: bool, out: &mut Vec<&'static str>) {
    let (h, t, u) = (n / 100, n / 10 % 10, n % 10);
    if h > 0 {
        if h > 1 || explicit_one {
            out.push(UNITS[h as usize]);
        }
        out.push("жүз");
    }
    if t > 0 {
        out.push(TENS[t as usize]);
    }
    if u > 0 {
        out.push(UNITS[u as usize]);
    }
}

/// Spells `n` (< 10^15) in Kazakh words.
fn spell(n: u64, explicit_one: bool) -> String {
    if n == 0 {
        return "нөл".into();
    }
    let mut words = Vec::new();
    let groups = [
        (n / 1_000_000_000_000, Some(3)),
        (n / 1_000_000_000 % 1000, Some(2)),
        (n / 1_000_000 % 1000, Some(1)),
        (n / 1000 % 1000, Some(0)),
        (n % 1000, None),
    ];
    for (group, scale) in groups {
        if group == 0 {
            continue;
        }
        if group > 1 || explicit_one || scale.is_none() {
            below_thousand(group, explicit_one, &mut words);
        }
        if let Some(s) = scale {
            words.push(SCALES[s]);
        }
    }
    words.join(" ")
}

/// A dative ending that fits the last word of `spelled` (reference B.6).
fn dative(spelled: &str) -> &'static str {
    match spelled.rsplit(' ').next().unwrap_or("") {
        "үш" | "төрт" | "бес" | "жетпіс" => "ке",
        "қырық" | "алпыс" | "миллиард" => "қа",
        "алты" | "тоғыз" | "он" | "жиырма" | "отыз" | "тоқсан" | "мың" | "миллион" | "триллион" => {
            "ға"
        }
        _ => "ге",
    }
}

/// Groups digits by threes with `sep` (`1 200 000`).
fn grouped(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

fn value_of(text: &str) -> Option<(f64, usize)> {
    let t = Text::new(text);
    read_numeral(&t, 0).map(|n| (n.value, n.span.end))
}

proptest! {
    #[test]
    fn spelled_integers_read_back(n in 0u64..=1_000_000_000_000, explicit in any::<bool>()) {
        let words = spell(n, explicit);
        let text = format!("{words} адам келді");
        prop_assert_eq!(value_of(&text), Some((n as f64, words.len())), "{}", words);
    }

    #[test]
    fn spelled_integers_with_endings_read_back(n in 1u64..=1_000_000_000_000) {
        let words = spell(n, false);
        let inflected = format!("{words}{}", dative(&words));
        let got = value_of(&format!("{inflected} жетті"));
        prop_assert_eq!(got, Some((n as f64, inflected.len())), "{}", inflected);
    }

    #[test]
    fn digit_and_word_forms_agree(n in 1u64..=999_999_999_999, sep in prop::sample::select(vec![' ', '\u{00A0}', '\u{202F}'])) {
        let by_words = value_of(&spell(n, false)).map(|v| v.0);
        let plain = value_of(&n.to_string()).map(|v| v.0);
        let by_groups = value_of(&grouped(n, sep)).map(|v| v.0);
        prop_assert_eq!(by_words, Some(n as f64));
        prop_assert_eq!(plain, by_words);
        prop_assert_eq!(by_groups, by_words);
    }
}

#[test]
fn spelled_decimals_and_scales_agree_with_digits() {
    let pairs = [
        ("2,5 мың", "екі жарым мың"),
        ("40,9", "қырық бүтін оннан тоғыз"),
        ("5,32", "бес бүтін жүзден отыз екі"),
        ("1500000", "бір жарым миллион"),
        ("60 млрд", "алпыс миллиард"),
        ("0,86", "нөл бүтін жүзден сексен алты"),
        ("12,5 миллион", "он екі жарым миллион"),
    ];
    for (digits, words) in pairs {
        let (d, w) = (value_of(digits), value_of(words));
        assert!(d.is_some(), "{digits} not read");
        assert_eq!(d.map(|v| v.0), w.map(|v| v.0), "{digits} vs {words}");
    }
}
