//! Words of time: month, weekday, unit and number names, as regex fragments and as values.

/// Month names and abbreviations (an abbreviation may take a dot), longest first.
pub const MONTH: &str = r"(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?)";

/// Weekday names and abbreviations.
pub const WEEKDAY: &str = r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|(?:mon|tues|tue|wed|thurs|thu|fri|sat|sun)\b\.)";

/// Cardinal numbers in words or digits ("two", "twenty-four", "20", "2.5", "a", "several").
pub const NUMBER: &str = r"(?:\d+(?:[.,]\d+)?(?:\s+\d/\d)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|a\s+hundred|a\s+dozen|dozen|a\s+couple\s+of|a\s+few|few|several|many|some|a|an|one\s+and\s+a\s+half|a\s+half|half\s+a|half\s+an)";

/// Calendar units, singular or plural.
pub const UNIT: &str = r"(?:seconds?|minutes?|hours?|days?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|centuries|century)";

/// Month number (1–12) of a month name or abbreviation.
pub fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    let prefix = word.get(..3)?;
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months
        .iter()
        .position(|m| *m == prefix)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// ISO weekday number (Monday = 1) of a weekday name or abbreviation.
pub fn weekday_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    let prefix = word.get(..3)?;
    let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    days.iter()
        .position(|d| *d == prefix)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// Value of a lowercase number below a hundred written in words: "seven", "forty", "twenty-one" (or
/// "twenty one").
pub fn number_word_value(word: &str) -> Option<f64> {
    if let Some(value) = unit_value(word).or_else(|| tens_value(word)) {
        return Some(f64::from(value));
    }
    let (ten, unit) = word.split_once(['-', ' '])?;
    let unit = unit_value(unit.trim()).filter(|&unit| unit < 10)?;
    Some(f64::from(tens_value(ten)? + unit))
}

/// Value of a number word below twenty ("seven", "twelve").
fn unit_value(word: &str) -> Option<u8> {
    Some(match word {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

/// Value of a word for tens ("forty").
fn tens_value(word: &str) -> Option<u8> {
    Some(match word {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Value of a [`NUMBER`] match: `Some(n)` for a known amount, `None` for vague ones ("several", "a few").
pub fn number_value(text: &str) -> Option<f64> {
    let lower = text.to_ascii_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let joined = words.join(" ");
    match joined.as_str() {
        "a" | "an" => return Some(1.0),
        "a couple of" => return Some(2.0),
        "a dozen" | "dozen" => return Some(12.0),
        "hundred" | "a hundred" => return Some(100.0),
        "one and a half" => return Some(1.5),
        "a half" | "half a" | "half an" => return Some(0.5),
        _ => {}
    }
    if let Some(value) = number_word_value(&joined) {
        return Some(value);
    }
    if let Some((whole, fraction)) = joined.split_once(' ') {
        let (numerator, denominator) = fraction.split_once('/')?;
        let numerator: f64 = numerator.parse().ok()?;
        let denominator: f64 = denominator.parse().ok()?;
        if denominator == 0.0 {
            return None;
        }
        return Some(whole.parse::<f64>().ok()? + numerator / denominator);
    }
    if joined.contains(',') {
        return joined.replace(',', "").parse().ok();
    }
    joined.parse().ok().filter(|v: &f64| v.is_finite())
}

/// The TIMEX3 letter and time flag of a unit word: `("Y", false)` for "years", `("H", true)` for "hour".
pub fn unit_code(word: &str) -> Option<(&'static str, bool)> {
    let word = word.to_ascii_lowercase();
    let word = word.trim_end_matches('s');
    Some(match word {
        "second" => ("S", true),
        "minute" => ("M", true),
        "hour" => ("H", true),
        "day" => ("D", false),
        "week" => ("W", false),
        "weekend" => ("WE", false),
        "fortnight" => ("FN", false),
        "month" => ("M", false),
        "quarter" => ("Q", false),
        "year" => ("Y", false),
        "decade" => ("DE", false),
        "century" | "centurie" => ("CE", false),
        _ => return None,
    })
}

/// Ordinal words and numbers for quarters, halves and centuries ("third", "3rd" → 3).
pub fn ordinal_value(word: &str) -> Option<u32> {
    let word = word.to_ascii_lowercase();
    let ordinals = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    if let Some(i) = ordinals.iter().position(|o| *o == word) {
        return u32::try_from(i + 1).ok();
    }
    match word.as_str() {
        "twenty-first" | "twenty first" => return Some(21),
        "final" | "last" => return Some(4),
        _ => {}
    }
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_to_numbers() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("December"), Some(12));
        assert_eq!(month_number("xy"), None);
        assert_eq!(weekday_number("Wednesday"), Some(3));
        assert_eq!(weekday_number("Sun."), Some(7));
    }

    #[test]
    fn numbers_in_words_and_digits() {
        assert_eq!(number_value("twenty-four"), Some(24.0));
        assert_eq!(number_value("twenty four"), Some(24.0));
        assert_eq!(number_value("a"), Some(1.0));
        assert_eq!(number_value("5 1/2"), Some(5.5));
        assert_eq!(number_value("1,000"), Some(1000.0));
        assert_eq!(number_value("several"), None);
        assert_eq!(ordinal_value("third"), Some(3));
        assert_eq!(ordinal_value("4th"), Some(4));
        assert_eq!(unit_code("Minutes"), Some(("M", true)));
    }
}
