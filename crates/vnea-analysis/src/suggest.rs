//! "Did you mean" suggestions by edit distance.

/// The candidate closest to `word`, if one is close enough to be a plausible typo: at most a
/// third of the word's length in edits (and at least one). Ties go to the earlier candidate.
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (distance(word, c), c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// The Levenshtein distance between `a` and `b`, counted in characters, with a transposition
/// of two adjacent characters counting as one edit.
pub(crate) fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows of the dynamic programme: two rows back, the previous row, the current row.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("missing-owner", "missing-owner"), 0);
        assert_eq!(distance("missing_owner", "missing-owner"), 1);
        assert_eq!(distance("mising-owner", "missing-owner"), 1);
        assert_eq!(distance("missnig-owner", "missing-owner"), 1);
        assert_eq!(distance("dân_cư", "dan_cu"), 2);
    }

    #[test]
    fn closest_picks_a_plausible_typo_only() {
        let names = ["missing-owner", "missing-lgsp", "unused-element"];
        assert_eq!(closest("missing_owner", names), Some("missing-owner"));
        assert_eq!(closest("missing-lgps", names), Some("missing-lgsp"));
        assert_eq!(closest("owner", names), None);
        assert_eq!(closest("x", names), None);
    }
}
