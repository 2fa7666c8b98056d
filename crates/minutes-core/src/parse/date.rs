//! The 1 日時 part: a date in a Japanese era, in the Western calendar or in ISO 8601, an
//! optional weekday (checked against the date) and an optional time range in JST.

use std::fmt;

use unicode_normalization::UnicodeNormalization;

use super::Diags;
use super::parts::{Part, Parts};
use crate::calendar::{WEEKDAYS_EN, weekday_index};
use crate::model::MeetingDate;

/// What a printed date line should look like; every date error quotes it.
const EXAMPLE: &str = "平成27年2月10日(火) 17:00~18:00";

/// A calendar day as (year, month, day).
type Day = (i32, u32, u32);

/// The Japanese eras the converter reads: name, first Gregorian year (元年), and the first and
/// last day of the era. Dates outside an era's days are rejected (平成31年5月1日 does not
/// exist: 令和 began that day). 明治 counts from 1 January 1868, as the era was proclaimed
/// retroactively to the start of that year.
const ERAS: &[(&str, i32, Day, Day)] = &[
    ("明治", 1868, (1868, 1, 1), (1912, 7, 30)),
    ("大正", 1912, (1912, 7, 30), (1926, 12, 25)),
    ("昭和", 1926, (1926, 12, 25), (1989, 1, 7)),
    ("平成", 1989, (1989, 1, 8), (2019, 4, 30)),
    ("令和", 2019, (2019, 5, 1), (9999, 12, 31)),
];

const WEEKDAYS: [&str; 7] = ["日", "月", "火", "水", "木", "金", "土"];

/// Reads the 1 日時 part. A date that is missing or cannot be read is an error, and the
/// minutes keep what was printed with the rest of the date empty.
pub(crate) fn read(parts: &Parts<'_>, diags: &mut Diags) -> MeetingDate {
    let Some(part) = parts.get(Part::Date) else {
        diags.error(
            parts.first_heading().no,
            format!("no 1 日時 part: expected a date such as {EXAMPLE}"),
        );
        return empty_date();
    };
    let Some((printed, at)) = part.text() else {
        diags.error(
            part.heading.no,
            format!("1 日時 is empty: expected a date such as {EXAMPLE}"),
        );
        return empty_date();
    };
    parse_date(&printed).unwrap_or_else(|e| {
        diags.error(at, e.to_string());
        MeetingDate {
            printed,
            ..empty_date()
        }
    })
}

fn empty_date() -> MeetingDate {
    MeetingDate {
        printed: String::new(),
        era: None,
        era_year: None,
        date: String::new(),
        weekday: None,
        start: None,
        end: None,
    }
}

/// A 日時 line that cannot be read: the line as printed and what is wrong with it. Its
/// `Display` is the diagnostic's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DateError {
    /// The line as printed.
    pub printed: String,
    /// What is wrong with it.
    pub problem: Problem,
}

/// What is wrong with a 日時 line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    /// It is not a date in any form the converter reads.
    Unreadable,
    /// A month outside 1 to 12.
    NoSuchMonth(u32),
    /// A day the month does not have.
    NoSuchDay { day: Day, days_in_month: u32 },
    /// A day outside the era it is written in.
    OutsideEra {
        era: &'static str,
        first: Day,
        last: Day,
    },
    /// The weekday in parentheses, as printed, is not the date's.
    WrongWeekday { day: Day, weekday: String },
    /// The parentheses after the date (the text given) hold no weekday.
    NotAWeekday(String),
    /// The end is on another day than the start.
    EndsAnotherDay,
    /// Text (given) after the date and time.
    Trailing(String),
    /// The end time is before the start time.
    EndsBeforeStart,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let printed = &self.printed;
        match &self.problem {
            Problem::Unreadable => {
                write!(f, "expected a date such as {EXAMPLE}, found {printed:?}")
            }
            problem => write!(f, "{printed:?}: {problem}"),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Unreadable => f.write_str("not a date"),
            Problem::NoSuchMonth(m) => write!(f, "there is no month {m}"),
            Problem::NoSuchDay {
                day: (y, m, d),
                days_in_month,
            } => write!(
                f,
                "{m}月{d}日 does not exist ({y}-{m:02} has {days_in_month} days)"
            ),
            Problem::OutsideEra { era, first, last } => write!(
                f,
                "{era} runs from {} to {}, so this date does not exist",
                ymd(*first),
                ymd(*last)
            ),
            Problem::WrongWeekday { day, weekday } => {
                let actual = weekday_index(day.0, day.1, day.2);
                write!(
                    f,
                    "{} is a {}曜日 ({}), but the document prints ({weekday})",
                    ymd(*day),
                    WEEKDAYS[actual],
                    WEEKDAYS_EN[actual]
                )
            }
            Problem::NotAWeekday(inner) => write!(f, "({inner}) is not a weekday such as (火)"),
            Problem::EndsAnotherDay => {
                f.write_str("a meeting that ends on another day is not supported")
            }
            Problem::Trailing(rest) => write!(f, "unexpected {rest:?} after the date and time"),
            Problem::EndsBeforeStart => f.write_str("the meeting ends before it starts"),
        }
    }
}

impl std::error::Error for DateError {}

/// Parses a 日時 line.
pub(crate) fn parse_date(printed: &str) -> Result<MeetingDate, DateError> {
    parse_printed(printed).map_err(|problem| DateError {
        printed: printed.to_owned(),
        problem,
    })
}

fn parse_printed(printed: &str) -> Result<MeetingDate, Problem> {
    use Problem::Unreadable;
    // NFKC turns full-width digits, （） and ～ into ASCII; 〜 (U+301C) survives and is a separator.
    let s: String = printed.nfkc().collect();
    let mut c = Cursor::new(&s);
    c.skip_ws();

    let mut era = None;
    let mut era_year = None;
    let (year, month, day);
    let mut start = None;
    let mut end = None;
    let mut weekday = None;
    if let Some(y) = c.iso_date() {
        (year, month, day) = y;
        check_day((year, month, day))?;
        if c.eat("T") {
            start = Some(c.iso_time().ok_or(Unreadable)?);
        }
        c.skip_ws();
        if c.eat_separator() {
            c.skip_ws();
            if let Some(end_date) = c.iso_date() {
                if end_date != (year, month, day) {
                    return Err(Problem::EndsAnotherDay);
                }
                if !c.eat("T") {
                    return Err(Unreadable);
                }
            }
            end = Some(c.iso_time().ok_or(Unreadable)?);
        }
    } else {
        let mut calendar_year = None;
        for &(name, first, from, to) in ERAS {
            if c.eat(name) {
                c.skip_ws();
                let n = if c.eat("元") { Some(1) } else { c.number() };
                let n = n.filter(|n| *n >= 1).ok_or(Unreadable)?;
                era = Some(name.to_owned());
                era_year = Some(n);
                let y = first + i32::try_from(n - 1).map_err(|_| Unreadable)?;
                calendar_year = Some((y, Some((name, from, to))));
                break;
            }
        }
        if calendar_year.is_none() {
            let n = c
                .number()
                .filter(|n| (1000..=9999).contains(n))
                .ok_or(Unreadable)?;
            calendar_year = Some((i32::try_from(n).map_err(|_| Unreadable)?, None));
        }
        let (y, era_bounds) = calendar_year.ok_or(Unreadable)?;
        c.skip_ws();
        if !c.eat("年") {
            return Err(Unreadable);
        }
        c.skip_ws();
        let m = c.number().ok_or(Unreadable)?;
        c.skip_ws();
        if !c.eat("月") {
            return Err(Unreadable);
        }
        c.skip_ws();
        let d = c.number().ok_or(Unreadable)?;
        c.skip_ws();
        if !c.eat("日") {
            return Err(Unreadable);
        }
        check_day((y, m, d))?;
        if let Some((name, from, to)) = era_bounds
            && ((y, m, d) < from || (y, m, d) > to)
        {
            return Err(Problem::OutsideEra {
                era: name,
                first: from,
                last: to,
            });
        }
        (year, month, day) = (y, m, d);
        c.skip_ws();
        if c.eat("(") {
            let inner = c.take_until(')').ok_or(Unreadable)?;
            let inner = inner.trim();
            let actual = weekday_index(year, month, day);
            let printed_index = WEEKDAYS.iter().position(|w| inner.starts_with(w));
            match printed_index {
                Some(i) if i == actual => {}
                Some(_) => {
                    return Err(Problem::WrongWeekday {
                        day: (year, month, day),
                        weekday: inner.to_owned(),
                    });
                }
                None => return Err(Problem::NotAWeekday(inner.to_owned())),
            }
            weekday = Some(inner.to_owned());
        }
        c.skip_ws();
        if let Some(t) = c.clock() {
            start = Some(t);
            c.skip_ws();
            if c.eat_separator() {
                c.skip_ws();
                end = Some(c.clock().ok_or(Unreadable)?);
            }
        }
    }
    c.skip_ws();
    if !c.rest().is_empty() {
        return Err(Problem::Trailing(c.rest().to_owned()));
    }
    if let (Some(s), Some(e)) = (start, end)
        && e < s
    {
        return Err(Problem::EndsBeforeStart);
    }
    let date = ymd((year, month, day));
    let iso = |(h, m): (u32, u32)| format!("{date}T{h:02}:{m:02}:00+09:00");
    Ok(MeetingDate {
        printed: printed.to_owned(),
        era,
        era_year,
        date: date.clone(),
        weekday,
        start: start.map(iso),
        end: end.map(iso),
    })
}

fn ymd((y, m, d): Day) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

fn check_day((y, m, d): Day) -> Result<(), Problem> {
    if !(1..=12).contains(&m) {
        return Err(Problem::NoSuchMonth(m));
    }
    let last = days_in_month(y, m);
    if d == 0 || d > last {
        return Err(Problem::NoSuchDay {
            day: (y, m, d),
            days_in_month: last,
        });
    }
    Ok(())
}

/// A small cursor over the normalised line.
struct Cursor<'a> {
    s: &'a str,
}

impl<'a> Cursor<'a> {
    fn new(s: &'a str) -> Self {
        Cursor { s }
    }

    fn rest(&self) -> &'a str {
        self.s
    }

    fn skip_ws(&mut self) {
        self.s = self.s.trim_start();
    }

    fn eat(&mut self, p: &str) -> bool {
        match self.s.strip_prefix(p) {
            Some(r) => {
                self.s = r;
                true
            }
            None => false,
        }
    }

    /// A range separator: ~ (from ～ after NFKC), 〜, hyphens and dashes, or から.
    fn eat_separator(&mut self) -> bool {
        ["~", "〜", "-", "–", "—", "―", "‐", "−", "から"]
            .iter()
            .any(|p| self.eat(p))
    }

    fn digits(&mut self, max_len: usize) -> Option<(u32, usize)> {
        let len = self.s.chars().take_while(char::is_ascii_digit).count();
        if len == 0 || len > max_len {
            return None;
        }
        let (num, rest) = self.s.split_at(len);
        self.s = rest;
        num.parse().ok().map(|n| (n, len))
    }

    /// A number in ASCII digits (after NFKC) or kanji numerals.
    fn number(&mut self) -> Option<u32> {
        if let Some((n, _)) = self.digits(9) {
            return Some(n);
        }
        let len: usize = self
            .s
            .chars()
            .take_while(|c| "〇零一二三四五六七八九十百千".contains(*c))
            .map(char::len_utf8)
            .sum();
        if len == 0 {
            return None;
        }
        let (num, rest) = self.s.split_at(len);
        self.s = rest;
        crate::normalize::parse_japanese_number(num)
    }

    fn take_until(&mut self, end: char) -> Option<&'a str> {
        let i = self.s.find(end)?;
        let (inner, rest) = self.s.split_at(i);
        self.s = &rest[end.len_utf8()..];
        Some(inner)
    }

    fn iso_date(&mut self) -> Option<(i32, u32, u32)> {
        let save = self.s;
        let parsed = (|| {
            let (y, ylen) = self.digits(4)?;
            if ylen != 4 || !self.eat("-") {
                return None;
            }
            let (m, _) = self.digits(2)?;
            if !self.eat("-") {
                return None;
            }
            let (d, _) = self.digits(2)?;
            Some((i32::try_from(y).ok()?, m, d))
        })();
        if parsed.is_none() {
            self.s = save;
        }
        parsed
    }

    /// `HH:MM[:SS][+09:00]` after the `T` of an ISO date-time.
    fn iso_time(&mut self) -> Option<(u32, u32)> {
        let (h, m) = self.clock()?;
        if self.eat(":") {
            let (sec, _) = self.digits(2)?;
            if sec > 59 {
                return None;
            }
        }
        if self.eat("+09:00") || self.eat("+0900") {
            return Some((h, m));
        }
        // Only JST is accepted: another offset or Z would need converting, which the printed
        // minutes never do.
        if self.s.starts_with('+') || self.s.starts_with('Z') {
            return None;
        }
        Some((h, m))
    }

    /// `17:00`, `17時`, `17時30分`, `13 時 00 分`; hours 0-23 (24:00 allowed as an end), minutes 0-59.
    fn clock(&mut self) -> Option<(u32, u32)> {
        let save = self.s;
        let parsed = (|| {
            let (h, _) = self.digits(2)?;
            // `13 時 00 分`: the committees print spaces around the numbers.
            self.skip_ws();
            let m = if self.eat(":") {
                self.digits(2)?.0
            } else if self.eat("時") {
                let save = self.s;
                self.skip_ws();
                match self.digits(2) {
                    Some((m, _)) => {
                        self.skip_ws();
                        self.eat("分");
                        m
                    }
                    None => {
                        self.s = save;
                        0
                    }
                }
            } else {
                return None;
            };
            (h < 24 || (h == 24 && m == 0)).then_some(())?;
            (m < 60).then_some((h, m))
        })();
        if parsed.is_none() {
            self.s = save;
        }
        parsed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_date_line() {
        let d = parse_date("平成27年2月10日(火) 17:00~18:00");
        assert_eq!(
            d,
            Ok(MeetingDate {
                printed: "平成27年2月10日(火) 17:00~18:00".to_owned(),
                era: Some("平成".to_owned()),
                era_year: Some(27),
                date: "2015-02-10".to_owned(),
                weekday: Some("火".to_owned()),
                start: Some("2015-02-10T17:00:00+09:00".to_owned()),
                end: Some("2015-02-10T18:00:00+09:00".to_owned()),
            })
        );
    }

    fn iso(printed: &str) -> Result<(String, Option<String>, Option<String>), Problem> {
        parse_date(printed)
            .map(|d| (d.date, d.start, d.end))
            .map_err(|e| e.problem)
    }

    /// What is wrong with a line, or `None` when it reads.
    fn problem(printed: &str) -> Option<Problem> {
        parse_date(printed).err().map(|e| e.problem)
    }

    /// The diagnostic's message for a line, or `None` when it reads.
    fn message(printed: &str) -> Option<String> {
        parse_date(printed).err().map(|e| e.to_string())
    }

    #[test]
    fn full_width_digits_and_every_separator() {
        for sep in ["~", "〜", "～", "-", "–", "から"] {
            let line = format!("平成２７年２月１０日（火）１７：００{sep}１８：００");
            assert_eq!(
                iso(&line),
                Ok((
                    "2015-02-10".to_owned(),
                    Some("2015-02-10T17:00:00+09:00".to_owned()),
                    Some("2015-02-10T18:00:00+09:00".to_owned())
                )),
                "{line}"
            );
        }
    }

    #[test]
    fn spaced_numbers_of_later_meetings_and_committees() {
        assert_eq!(
            iso("平成 30 年1月 17 日(水) 8:00~9:00"),
            Ok((
                "2018-01-17".to_owned(),
                Some("2018-01-17T08:00:00+09:00".to_owned()),
                Some("2018-01-17T09:00:00+09:00".to_owned())
            ))
        );
        assert_eq!(
            iso("平成20年10月14日(火) 13 時 00 分~ 15 時 40 分"),
            Ok((
                "2008-10-14".to_owned(),
                Some("2008-10-14T13:00:00+09:00".to_owned()),
                Some("2008-10-14T15:40:00+09:00".to_owned())
            ))
        );
    }

    #[test]
    fn first_year_of_an_era_is_gannen() {
        let d = parse_date("令和元年5月7日(火)");
        assert_eq!(d.as_ref().map(|d| d.date.as_str()), Ok("2019-05-07"));
        assert_eq!(d.as_ref().map(|d| d.era_year), Ok(Some(1)));
        assert_eq!(
            iso("昭和64年1月7日").map(|d| d.0),
            Ok("1989-01-07".to_owned())
        );
        assert_eq!(
            iso("明治45年7月30日").map(|d| d.0),
            Ok("1912-07-30".to_owned())
        );
        assert_eq!(
            iso("大正元年8月1日").map(|d| d.0),
            Ok("1912-08-01".to_owned())
        );
        assert_eq!(
            iso("平成二十七年二月十日").map(|d| d.0),
            Ok("2015-02-10".to_owned())
        );
    }

    #[test]
    fn western_and_iso_dates() {
        assert_eq!(
            iso("2015年2月10日(火) 17時～18時30分"),
            Ok((
                "2015-02-10".to_owned(),
                Some("2015-02-10T17:00:00+09:00".to_owned()),
                Some("2015-02-10T18:30:00+09:00".to_owned())
            ))
        );
        assert_eq!(
            iso("2015-02-10T17:00:00+09:00 ~ 2015-02-10T18:00:00+09:00"),
            Ok((
                "2015-02-10".to_owned(),
                Some("2015-02-10T17:00:00+09:00".to_owned()),
                Some("2015-02-10T18:00:00+09:00".to_owned())
            ))
        );
        assert_eq!(iso("2015-02-10").map(|d| d.1), Ok(None));
    }

    #[test]
    fn weekday_mismatch_is_an_error() {
        assert_eq!(
            problem("平成27年2月10日(水) 17:00~18:00"),
            Some(Problem::WrongWeekday {
                day: (2015, 2, 10),
                weekday: "水".to_owned()
            })
        );
        assert_eq!(
            message("平成27年2月10日(水) 17:00~18:00").as_deref(),
            Some(
                "\"平成27年2月10日(水) 17:00~18:00\": 2015-02-10 is a 火曜日 (Tuesday), but the document prints (水)"
            )
        );
        assert_eq!(
            problem("平成27年2月10日(午後)"),
            Some(Problem::NotAWeekday("午後".to_owned()))
        );
    }

    #[test]
    fn impossible_dates_are_errors() {
        assert_eq!(
            message("平成27年2月30日").as_deref(),
            Some("\"平成27年2月30日\": 2月30日 does not exist (2015-02 has 28 days)")
        );
        assert_eq!(problem("平成28年2月29日(月)"), None, "2016 is a leap year");
        assert_eq!(
            message("平成31年5月1日").as_deref(),
            Some(
                "\"平成31年5月1日\": 平成 runs from 1989-01-08 to 2019-04-30, so this date does not exist"
            )
        );
        assert_eq!(problem("平成0年1月1日"), Some(Problem::Unreadable));
        assert_eq!(problem("平成27年13月1日"), Some(Problem::NoSuchMonth(13)));
        assert_eq!(
            problem("平成27年2月10日 25:00~26:00"),
            Some(Problem::Trailing("25:00~26:00".to_owned())),
            "25:00 is no time, so it is left over"
        );
        assert_eq!(
            problem("平成27年2月10日 18:00~17:00"),
            Some(Problem::EndsBeforeStart)
        );
        assert_eq!(
            problem("2015-02-10T17:00~2015-02-11T01:00"),
            Some(Problem::EndsAnotherDay)
        );
        assert_eq!(
            problem("2015-02-10T17:00:00Z"),
            Some(Problem::Unreadable),
            "only JST is read"
        );
    }

    #[test]
    fn garbage_says_what_was_expected() {
        assert_eq!(
            message("来週の火曜日").as_deref(),
            Some("expected a date such as 平成27年2月10日(火) 17:00~18:00, found \"来週の火曜日\"")
        );
        assert_eq!(
            problem("平成27年2月10日(火) 17:00~18:00 予定"),
            Some(Problem::Trailing("予定".to_owned()))
        );
        assert_eq!(problem(""), Some(Problem::Unreadable));
        assert_eq!(
            problem("平成99999999999年1月1日"),
            Some(Problem::Unreadable)
        );
    }
}
