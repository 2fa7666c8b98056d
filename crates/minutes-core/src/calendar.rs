//! Calendar facts shared by the converter (which checks a printed weekday) and the viewer
//! (which writes dates in English).

/// The days of the week in English, Sunday first, indexed by [`weekday_index`].
pub const WEEKDAYS_EN: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// Day of the week, 0 = Sunday (Sakamoto's method, proleptic Gregorian calendar).
pub fn weekday_index(y: i32, m: u32, d: u32) -> usize {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    let m_index = usize::try_from(m.saturating_sub(1)).unwrap_or(0).min(11);
    let d = i32::try_from(d).unwrap_or(0);
    let w = (y + y / 4 - y / 100 + y / 400 + T[m_index] + d).rem_euclid(7);
    usize::try_from(w).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_days() {
        assert_eq!(WEEKDAYS_EN[weekday_index(2015, 2, 10)], "Tuesday");
        assert_eq!(WEEKDAYS_EN[weekday_index(2000, 2, 29)], "Tuesday");
        assert_eq!(WEEKDAYS_EN[weekday_index(2019, 5, 1)], "Wednesday");
    }
}
