//! Percentiles of latency samples.

use std::time::Duration;

/// The nearest-rank `p`-th percentile of `sorted` (ascending): the smallest sample with at
/// least `p`% of the samples at or below it. `None` for no samples. Integer arithmetic, so
/// p95 of 200 samples is the 190th, not the 191st by a rounding error.
pub fn percentile<T: Copy>(sorted: &[T], p: usize) -> Option<T> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (p.min(100) * sorted.len()).div_ceil(100);
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

/// Milliseconds, with microsecond resolution.
pub fn ms(duration: Duration) -> f64 {
    duration.as_micros() as f64 / 1000.0
}

/// The summary of a set of latency samples, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    /// How many samples.
    pub n: usize,
    /// The median (nearest rank).
    pub p50: f64,
    /// The 95th percentile (nearest rank).
    pub p95: f64,
    /// The slowest sample.
    pub max: f64,
    /// The arithmetic mean.
    pub mean: f64,
}

impl Summary {
    /// The summary of `samples`, `None` when there are none.
    pub fn of(samples: &[Duration]) -> Option<Summary> {
        let mut sorted: Vec<Duration> = samples.to_vec();
        sorted.sort_unstable();
        let total: Duration = sorted.iter().sum();
        Some(Summary {
            n: sorted.len(),
            p50: ms(percentile(&sorted, 50)?),
            p95: ms(percentile(&sorted, 95)?),
            max: ms(*sorted.last()?),
            mean: ms(total) / sorted.len() as f64,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank() {
        let hundred: Vec<usize> = (1..=100).collect();
        assert_eq!(percentile(&hundred, 50), Some(50));
        assert_eq!(percentile(&hundred, 95), Some(95));
        assert_eq!(percentile(&hundred, 100), Some(100));
        assert_eq!(percentile(&hundred, 0), Some(1));
        let two_hundred: Vec<usize> = (1..=200).collect();
        assert_eq!(percentile(&two_hundred, 95), Some(190));
        assert_eq!(percentile(&two_hundred, 50), Some(100));
        assert_eq!(percentile(&[7], 50), Some(7));
        assert_eq!(percentile(&[7], 95), Some(7));
        assert_eq!(percentile(&[1, 2, 3], 50), Some(2));
        assert_eq!(percentile(&[1, 2, 3, 4], 50), Some(2));
        assert_eq!(percentile(&(1..=10).collect::<Vec<_>>(), 95), Some(10));
        assert_eq!(percentile::<u8>(&[], 50), None);
    }

    #[test]
    fn summary_sorts_and_converts_to_milliseconds() {
        let samples: Vec<Duration> = [30, 10, 20, 40, 1000]
            .into_iter()
            .map(Duration::from_millis)
            .collect();
        let s = Summary::of(&samples).unwrap();
        assert_eq!(s.n, 5);
        assert_eq!(s.p50, 30.0);
        assert_eq!(s.p95, 1000.0);
        assert_eq!(s.max, 1000.0);
        assert_eq!(s.mean, 220.0);
        assert_eq!(ms(Duration::from_micros(1500)), 1.5);
        assert_eq!(Summary::of(&[]), None);
    }
}
