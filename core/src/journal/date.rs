//! Civil (calendar) dates and local wall-clock times for the journal, with the small amount of
//! calendar arithmetic the journal needs: parsing the values of `<input type="date">` and
//! `<input type="datetime-local">`, day differences, and turning epoch milliseconds into a
//! date and time at a given UTC offset.
//!
//! The journal stores what the person saw on their own clock, never an instant: "it started at
//! 21:30 on 1 March" stays true when they travel or the clocks change. Days are counted with
//! Howard Hinnant's `days_from_civil` algorithm (proleptic Gregorian calendar), so no date crate
//! is needed. Years are limited to four digits (1000–9999), which is what the inputs produce and
//! what a journal can meaningfully hold.

use std::fmt;

/// Milliseconds in one day, for turning epoch milliseconds into days.
const MS_PER_DAY: i64 = 86_400_000;

/// A calendar date with no time zone, as typed into `<input type="date">` ("YYYY-MM-DD").
///
/// Always a real date between 1000-01-01 and 9999-12-31. Dates order chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDate {
    year: u16,
    month: u8,
    day: u8,
}

/// A wall-clock date and time with minute precision and no time zone, as typed into
/// `<input type="datetime-local">` ("YYYY-MM-DDTHH:MM"). Orders chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDateTime {
    date: LocalDate,
    hour: u8,
    minute: u8,
}

/// Days since 1970-01-01 of a proleptic Gregorian date (negative before it).
///
/// Howard Hinnant's algorithm: shifts the year to start in March so the leap day is last,
/// then counts whole 400-year eras. `month` must be 1–12 and `day` 1–31.
#[must_use]
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month_from_march = i64::from((month + 9) % 12);
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The proleptic Gregorian (year, month, day) of a count of days since 1970-01-01;
/// the inverse of [`days_from_civil`].
#[must_use]
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    // Both values are small and positive by construction (1..=31 and 1..=12).
    let day = u32::try_from(day_of_year - (153 * month_from_march + 2) / 5 + 1).unwrap_or(1);
    let month = u32::try_from(if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    })
    .unwrap_or(1);
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Whether `year` has a 29 February.
fn is_leap(year: u16) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Number of days in `month` (1–12) of `year`.
fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Reads exactly `N` ASCII digits as a number; `None` on anything else.
fn digits<const N: usize>(bytes: &[u8]) -> Option<u16> {
    if bytes.len() != N {
        return None;
    }
    bytes.iter().try_fold(0u16, |acc, &b| {
        b.is_ascii_digit().then(|| acc * 10 + u16::from(b - b'0'))
    })
}

impl LocalDate {
    /// The date `year-month-day`, or `None` when it is not a real calendar date in 1000–9999.
    #[must_use]
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let valid = (1000..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Self { year, month, day })
    }

    /// Parses "YYYY-MM-DD" (surrounding spaces allowed), the value of `<input type="date">`.
    ///
    /// # Errors
    ///
    /// Returns `None` when the text is not in that shape or names a date that does not
    /// exist, such as 2023-02-29.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let b = text.trim().as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = digits::<4>(&b[0..4])?;
        let month = u8::try_from(digits::<2>(&b[5..7])?).ok()?;
        let day = u8::try_from(digits::<2>(&b[8..10])?).ok()?;
        Self::new(year, month, day)
    }

    /// The year (1000–9999).
    #[must_use]
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month (1–12).
    #[must_use]
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month (1–31).
    #[must_use]
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    #[must_use]
    pub fn days_since_epoch(self) -> i64 {
        days_from_civil(
            i64::from(self.year),
            u32::from(self.month),
            u32::from(self.day),
        )
    }

    /// The date `days` after 1970-01-01, or `None` outside 1000–9999.
    #[must_use]
    pub fn from_days_since_epoch(days: i64) -> Option<Self> {
        let (year, month, day) = civil_from_days(days);
        Self::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// Whole days from `earlier` to `self`: 0 on the same day, 1 the next day, negative when
    /// `self` comes first.
    #[must_use]
    pub fn days_since(self, earlier: LocalDate) -> i64 {
        self.days_since_epoch() - earlier.days_since_epoch()
    }

    /// The date `days` later (earlier when negative), or `None` outside 1000–9999.
    #[must_use]
    pub fn add_days(self, days: i64) -> Option<Self> {
        Self::from_days_since_epoch(self.days_since_epoch().checked_add(days)?)
    }

    /// Day of the week, 0 = Monday … 6 = Sunday (ISO 8601 order).
    #[must_use]
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3 in Monday-first counting).
        u8::try_from((self.days_since_epoch() + 3).rem_euclid(7)).unwrap_or(0)
    }
}

/// Appends `n` as exactly `width` digits (zero-padded), without going through `fmt`.
fn push_digits(out: &mut String, n: u16, width: u32) {
    for place in (0..width).rev() {
        let digit = (n / 10u16.pow(place)) % 10;
        // A single decimal digit always fits in a byte.
        out.push(char::from(b'0' + u8::try_from(digit).unwrap_or(0)));
    }
}

impl LocalDate {
    /// Appends "YYYY-MM-DD" to `out` (what `Display` writes, but faster for bulk output).
    pub(super) fn push_to(self, out: &mut String) {
        push_digits(out, self.year, 4);
        out.push('-');
        push_digits(out, u16::from(self.month), 2);
        out.push('-');
        push_digits(out, u16::from(self.day), 2);
    }
}

impl LocalDateTime {
    /// Appends "YYYY-MM-DDTHH:MM" to `out` (what `Display` writes, but faster).
    pub(super) fn push_to(self, out: &mut String) {
        self.date.push_to(out);
        out.push('T');
        push_digits(out, u16::from(self.hour), 2);
        out.push(':');
        push_digits(out, u16::from(self.minute), 2);
    }
}

impl fmt::Display for LocalDate {
    /// Writes "YYYY-MM-DD", the format `<input type="date">` reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = String::with_capacity(10);
        self.push_to(&mut text);
        f.write_str(&text)
    }
}

impl LocalDateTime {
    /// The date and time `hour:minute` on `date`, or `None` when the time does not exist.
    #[must_use]
    pub fn new(date: LocalDate, hour: u8, minute: u8) -> Option<Self> {
        (hour < 24 && minute < 60).then_some(Self { date, hour, minute })
    }

    /// Parses "YYYY-MM-DDTHH:MM", the value of `<input type="datetime-local">`. A space may
    /// stand for the "T", and seconds (":SS" or ":SS.sss", which the input sends when its
    /// `step` is below a minute) are accepted and dropped, since the journal keeps minutes.
    ///
    /// # Errors
    ///
    /// Returns `None` when the text is not in that shape or names a date or time that does
    /// not exist.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let b = text.as_bytes();
        if b.len() < 16 || !(b[10] == b'T' || b[10] == b't' || b[10] == b' ') || b[13] != b':' {
            return None;
        }
        let date = LocalDate::parse(text.get(0..10)?)?;
        let hour = u8::try_from(digits::<2>(&b[11..13])?).ok()?;
        let minute = u8::try_from(digits::<2>(&b[14..16])?).ok()?;
        let rest = &b[16..];
        if !rest.is_empty() {
            // ":SS" then optionally "." and 1–3 digits of fraction.
            let seconds_ok = rest.len() >= 3
                && rest[0] == b':'
                && digits::<2>(&rest[1..3]).is_some_and(|s| s < 60);
            let fraction = &rest[3.min(rest.len())..];
            let fraction_ok = fraction.is_empty()
                || (fraction[0] == b'.'
                    && (2..=4).contains(&fraction.len())
                    && fraction[1..].iter().all(u8::is_ascii_digit));
            if !(seconds_ok && fraction_ok) {
                return None;
            }
        }
        Self::new(date, hour, minute)
    }

    /// The wall-clock date and time at `ms` milliseconds after 1970-01-01T00:00Z, seen at
    /// `utc_offset_minutes` east of UTC (in a browser: `-new Date().getTimezoneOffset()`).
    /// Seconds are dropped. `None` outside the years 1000–9999.
    #[must_use]
    pub fn from_epoch_ms(ms: i64, utc_offset_minutes: i32) -> Option<Self> {
        let local = ms.checked_add(i64::from(utc_offset_minutes).checked_mul(60_000)?)?;
        let date = LocalDate::from_days_since_epoch(local.div_euclid(MS_PER_DAY))?;
        let minute_of_day = local.rem_euclid(MS_PER_DAY) / 60_000;
        Self::new(
            date,
            u8::try_from(minute_of_day / 60).ok()?,
            u8::try_from(minute_of_day % 60).ok()?,
        )
    }

    /// The calendar date.
    #[must_use]
    pub fn date(self) -> LocalDate {
        self.date
    }

    /// The hour (0–23).
    #[must_use]
    pub fn hour(self) -> u8 {
        self.hour
    }

    /// The minute (0–59).
    #[must_use]
    pub fn minute(self) -> u8 {
        self.minute
    }

    /// Minutes since 1970-01-01T00:00 on the same wall clock, for spacing chart points.
    #[must_use]
    pub fn minutes_since_epoch(self) -> i64 {
        self.date.days_since_epoch() * 1440 + i64::from(self.hour) * 60 + i64::from(self.minute)
    }
}

impl fmt::Display for LocalDateTime {
    /// Writes "YYYY-MM-DDTHH:MM", the format `<input type="datetime-local">` reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = String::with_capacity(16);
        self.push_to(&mut text);
        f.write_str(&text)
    }
}

/// An inclusive range of calendar days, such as the period a clinician summary covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateRange {
    /// First day included.
    pub from: LocalDate,
    /// Last day included.
    pub to: LocalDate,
}

impl DateRange {
    /// The days from `a` to `b` inclusive, in whichever order they were given.
    #[must_use]
    pub fn new(a: LocalDate, b: LocalDate) -> Self {
        Self {
            from: a.min(b),
            to: a.max(b),
        }
    }

    /// Whether `date` falls within the range, ends included.
    #[must_use]
    pub fn contains(self, date: LocalDate) -> bool {
        self.from <= date && date <= self.to
    }

    /// Number of days covered, ends included (always at least 1).
    #[must_use]
    pub fn days(self) -> i64 {
        self.to.days_since(self.from) + 1
    }
}
