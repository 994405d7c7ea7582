//! Calendar arithmetic and ISO 8601 strings for the DATE rules.

use crate::article::Date;

/// Days in `month` of `year` (Gregorian).
fn month_days(year: i32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// True when the day exists in that month (any year when the year is unknown).
pub fn valid_day(year: Option<i32>, month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && day >= 1 && day <= month_days(year.unwrap_or(2000), month)
}

/// Days since 1970-01-01 (H. Hinnant's civil-from-days inverse).
fn days_from_civil(d: Date) -> i64 {
    let y = i64::from(d.year) - i64::from(d.month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(d.month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> Date {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date { year, month, day }
}

/// The date `days` days after `date`.
pub fn add_days(date: Date, days: i64) -> Date {
    civil_from_days(days_from_civil(date) + days)
}

/// ISO weekday of a date, Monday = 1 … Sunday = 7 (1970-01-01 was a Thursday).
fn weekday(d: Date) -> i64 {
    (days_from_civil(d) + 3).rem_euclid(7) + 1
}

/// The day `weekday` (1-7) of the ISO week `weeks` weeks after the week of `date`.
pub fn weekday_of(date: Date, weeks: i64, day: i64) -> Date {
    add_days(date, 7 * weeks + day - weekday(date))
}

/// The ISO week of a date, as `YYYY-Www`.
pub fn iso_week(d: Date) -> String {
    let thursday = weekday_of(d, 0, 4);
    let first = Date {
        year: thursday.year,
        month: 1,
        day: 1,
    };
    let week = (days_from_civil(thursday) - days_from_civil(first)) / 7 + 1;
    Iso::new()
        .num(thursday.year, 4)
        .text("-W")
        .num(week, 2)
        .done()
}

/// The date as `YYYY-MM-DD`.
pub fn iso_day(d: Date) -> String {
    Iso::new().day(d).done()
}

/// The month `shift` months after the article's month, as `YYYY-MM`.
pub fn iso_month_shift(d: Date, shift: i32) -> String {
    let index = d.year * 12 + d.month as i32 - 1 + shift;
    (Iso::new().num(index.div_euclid(12), 4).text("-"))
        .num(index.rem_euclid(12) + 1, 2)
        .done()
}

/// Reads a year number: four digits as written, two-digit spoken years (`тоқсан бірінші
/// жылы` = 1991, `жиырма үшінші жылға` = 2023) completed around the year 2000.
pub fn full_year(value: i64) -> Option<i32> {
    match value {
        1000..=2199 => Some(value as i32),
        0..=39 => Some(2000 + value as i32),
        40..=99 => Some(1900 + value as i32),
        _ => None,
    }
}

/// An ISO date, month or year from the known parts.
pub fn iso(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> Option<String> {
    let mut out = Iso::new().num(year?, 4);
    for part in [month, month.and(day)].into_iter().flatten() {
        out = out.text("-").num(part, 2);
    }
    Some(out.done())
}

/// An ISO string built piece by piece, digit by digit: every DATE and TIME fact builds one,
/// and `format!` costs several times more. Numbers are zero-padded as `{:0width$}` pads
/// them.
pub struct Iso(String);

impl Iso {
    /// An empty string, with room for an interval of days.
    pub fn new() -> Self {
        Iso(String::with_capacity(24))
    }

    /// Appends `value` zero-padded to `width` digits.
    pub fn num(mut self, value: impl Into<i64>, width: u32) -> Self {
        push_padded(&mut self.0, value.into(), width);
        self
    }

    /// Appends `s` as it is.
    pub fn text(mut self, s: &str) -> Self {
        self.0.push_str(s);
        self
    }

    /// Appends the date as `YYYY-MM-DD`.
    pub fn day(self, d: Date) -> Self {
        (self.num(d.year, 4).text("-").num(d.month, 2))
            .text("-")
            .num(d.day, 2)
    }

    /// The string built.
    pub fn done(self) -> String {
        self.0
    }
}

impl Default for Iso {
    fn default() -> Self {
        Iso::new()
    }
}

/// `from/to`: an ISO interval of two ISO strings.
pub fn interval(from: &str, to: &str) -> String {
    Iso::new().text(from).text("/").text(to).done()
}

/// Appends `value` in decimal, zero-padded to `width` digits: what `{value:0width$}`
/// writes (by `format!` for a value that is negative or wider).
fn push_padded(out: &mut String, value: i64, width: u32) {
    match u64::try_from(value) {
        Ok(v) if v < 10u64.pow(width) => {
            for place in (0..width).rev() {
                out.push(char::from(b'0' + (v / 10u64.pow(place) % 10) as u8));
            }
        }
        _ => out.push_str(&format!("{value:0w$}", w = width as usize)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_arithmetic_crosses_months_and_years() {
        let d = Date {
            year: 2024,
            month: 3,
            day: 1,
        };
        assert_eq!(iso_day(add_days(d, -1)), "2024-02-29");
        let ny = Date {
            year: 2025,
            month: 12,
            day: 31,
        };
        assert_eq!(iso_day(add_days(ny, 1)), "2026-01-01");
        assert_eq!(iso_month_shift(ny, 1), "2026-01");
        assert_eq!(iso_month_shift(d, -3), "2023-12");
    }

    #[test]
    fn iso_weeks_follow_the_thursday() {
        let day = |year, month, day| Date { year, month, day };
        assert_eq!(iso_week(day(2025, 11, 20)), "2025-W47");
        assert_eq!(iso_week(day(2021, 1, 3)), "2020-W53");
        assert_eq!(iso_week(day(2024, 12, 30)), "2025-W01");
        assert_eq!(iso_day(weekday_of(day(2026, 2, 16), 0, 6)), "2026-02-21");
        assert_eq!(iso_day(weekday_of(day(2026, 2, 16), -1, 7)), "2026-02-15");
    }

    /// [`iso`] writes what `format!` wrote, padding included.
    #[test]
    fn iso_strings_are_zero_padded() {
        assert_eq!(
            iso(Some(2025), Some(3), Some(7)).as_deref(),
            Some("2025-03-07")
        );
        assert_eq!(iso(Some(2025), Some(12), None).as_deref(), Some("2025-12"));
        assert_eq!(iso(Some(2025), None, Some(7)).as_deref(), Some("2025"));
        assert_eq!(iso(None, Some(3), Some(7)), None);
        let clock = Iso::new().num(9, 2).text(":").num(5, 2).done();
        assert_eq!(interval(&clock, "21:30"), "09:05/21:30");
        let day = Date {
            year: 987,
            month: 1,
            day: 2,
        };
        assert_eq!(Iso::new().day(day).done(), format!("{:04}-01-02", 987));
        for (value, width) in [
            (0, 4),
            (7, 4),
            (999, 4),
            (12345, 4),
            (-7, 4),
            (-12345, 2),
            (9, 2),
        ] {
            let mut out = String::new();
            push_padded(&mut out, value, width);
            assert_eq!(
                out,
                format!("{value:0w$}", w = width as usize),
                "{value} {width}"
            );
        }
    }

    #[test]
    fn spoken_two_digit_years_complete_around_2000() {
        assert_eq!(full_year(91), Some(1991));
        assert_eq!(full_year(23), Some(2023));
        assert_eq!(full_year(2025), Some(2025));
        assert_eq!(full_year(500), None);
    }
}
