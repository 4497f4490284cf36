//! Averages over clusters with bootstrap confidence intervals. The resampling is ROUGE-1.5.5's:
//! resample `k` is drawn with Perl's `srand(k)`/`rand` (a 48-bit linear congruential generator),
//! so the intervals are reproducible and, in ROUGE-1.5.5 mode, identical to the Perl's output.

use crate::options::Compat;
use crate::rouge155::round5;
use crate::scores::{RougeType, Scores};

/// Perl's `drand48` (used by `rand` since Perl 5.20, and glibc's before).
struct Drand48(u64);

impl Drand48 {
    const MASK: u64 = (1 << 48) - 1;

    fn seeded(seed: u32) -> Self {
        Drand48(((u64::from(seed) << 16) | 0x330e) & Self::MASK)
    }

    fn next_f64(&mut self) -> f64 {
        self.0 = (self.0.wrapping_mul(0x5_DEEC_E66D).wrapping_add(0xb)) & Self::MASK;
        self.0 as f64 / (1u64 << 48) as f64
    }
}

/// A point estimate and its confidence interval.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Estimate {
    pub mean: f64,
    pub low: f64,
    pub high: f64,
}

/// The averages of one variant.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct AggregateScore {
    pub precision: Estimate,
    pub recall: Estimate,
    pub f1: Estimate,
}

/// Averages of every variant over `n` clusters.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Aggregate {
    pub n: usize,
    scores: [AggregateScore; 7],
}

impl Aggregate {
    pub fn get(&self, rouge_type: RougeType) -> AggregateScore {
        self.scores[rouge_type as usize]
    }

    /// The averages as JSON, as `newsbrief eval --format json` and Python's `rouge155` give them:
    /// `{"rouge1": {"precision", "recall", "f1", "f1_ci": [low, high]}, …}` for every variant.
    pub fn to_json(&self) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        for t in RougeType::ALL {
            let a = self.get(t);
            map.insert(
                t.key().into(),
                serde_json::json!({
                    "precision": a.precision.mean,
                    "recall": a.recall.mean,
                    "f1": a.f1.mean,
                    "f1_ci": [a.f1.low, a.f1.high],
                }),
            );
        }
        serde_json::Value::Object(map)
    }
}

/// How the bootstrap is run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BootstrapOptions {
    pub resamples: usize,
    /// Confidence level in percent.
    pub confidence: f64,
    /// ROUGE-1.5.5 reports the mean of the resample means and rounds everything to 5 decimals;
    /// otherwise the plain mean is reported, unrounded.
    pub rouge155: bool,
}

impl BootstrapOptions {
    /// The bootstrap that goes with a compatibility mode.
    pub fn for_compat(compat: &Compat) -> Self {
        match compat {
            Compat::RougeScore => BootstrapOptions {
                resamples: 1000,
                confidence: 95.0,
                rouge155: false,
            },
            Compat::Rouge155(o) => BootstrapOptions {
                resamples: o.resamples,
                confidence: o.confidence,
                rouge155: true,
            },
        }
    }
}

/// The mean of every column in each of `opts.resamples` bootstrap resamples. Resample `k` draws
/// its instances with `srand(k)`, the same for every column, as the Perl does; ROUGE-1.5.5 mode
/// sums each column in draw order (so the floating-point result is the Perl's), the other mode
/// sums by instance from the draw counts (same values up to rounding, and much faster).
fn resample_means(columns: &[Vec<f64>], n: usize, opts: &BootstrapOptions) -> Vec<Vec<f64>> {
    let mut means = vec![Vec::with_capacity(opts.resamples); columns.len()];
    let mut picks = vec![0usize; n];
    let mut draws = vec![0u32; n];
    for k in 0..opts.resamples {
        let mut rng = Drand48::seeded(k as u32);
        for pick in picks.iter_mut() {
            *pick = ((rng.next_f64() * n as f64) as usize).min(n - 1);
        }
        if opts.rouge155 {
            for (column, out) in columns.iter().zip(means.iter_mut()) {
                let sum: f64 = picks.iter().fold(0.0, |acc, &i| acc + column[i]);
                out.push(sum / n as f64);
            }
        } else {
            draws.iter_mut().for_each(|d| *d = 0);
            for &i in &picks {
                draws[i] += 1;
            }
            for (column, out) in columns.iter().zip(means.iter_mut()) {
                let sum: f64 = column
                    .iter()
                    .zip(&draws)
                    .map(|(v, &d)| v * f64::from(d))
                    .sum();
                out.push(sum / n as f64);
            }
        }
    }
    means
}

/// ROUGE-1.5.5's `computeAverages` on one column: the mean (of the resample means in ROUGE-1.5.5
/// mode, plain otherwise) and the interpolated percentile interval of the resample means.
fn estimate(values: &[f64], mut means: Vec<f64>, opts: &BootstrapOptions) -> Estimate {
    let plain_mean = values.iter().sum::<f64>() / values.len().max(1) as f64;
    if means.is_empty() {
        return Estimate {
            mean: plain_mean,
            low: plain_mean,
            high: plain_mean,
        };
    }
    means.sort_by(f64::total_cmp);
    let at = |i: usize| means.get(i).copied().unwrap_or(0.0);
    let r = opts.resamples as f64;
    let delta = r * ((100.0 - opts.confidence) / 2.0) / 100.0;
    let upper_a = (r - delta - 1.0).max(0.0) as usize;
    let lower_a = delta.max(0.0) as usize;
    let ratio = r - delta - 1.0 - upper_a as f64;
    let low = at(lower_a) + (at(lower_a + 1) - at(lower_a)) * ratio;
    let high = at(upper_a) + (at(upper_a + 1) - at(upper_a)) * ratio;
    if opts.rouge155 {
        let resample_mean = means.iter().sum::<f64>() / means.len() as f64;
        Estimate {
            mean: round5(resample_mean),
            low: round5(low),
            high: round5(high),
        }
    } else {
        Estimate {
            mean: plain_mean,
            low,
            high,
        }
    }
}

/// rouge-score's `BootstrapAggregator` on a matrix given by columns (one column per measure, one
/// value per sample, in the order added): the `low`, `mid` and `high` percentiles of the bootstrap
/// resample means, at `(1 - confidence) / 2`, 50 % and `1 - (1 - confidence) / 2` (`confidence` a
/// fraction), interpolated as `numpy.percentile` does. rouge-score draws its resamples from NumPy's
/// global random state; here resample `k` is drawn with the seeded generator used above, so the
/// result is the same on every run and differs from one NumPy run as two NumPy runs differ.
pub fn percentile_intervals(
    columns: &[Vec<f64>],
    resamples: usize,
    confidence: f64,
) -> Vec<[f64; 3]> {
    let n = columns.first().map_or(0, Vec::len);
    if n == 0 || resamples == 0 {
        return vec![[f64::NAN; 3]; columns.len()];
    }
    let opts = BootstrapOptions {
        resamples,
        confidence: 100.0 * confidence,
        rouge155: false,
    };
    let delta = (1.0 - confidence) / 2.0;
    let qs = [100.0 * delta, 50.0, 100.0 * (1.0 - delta)];
    resample_means(columns, n, &opts)
        .into_iter()
        .map(|mut means| {
            means.sort_by(f64::total_cmp);
            qs.map(|q| numpy_percentile(&means, q))
        })
        .collect()
}

/// `numpy.percentile(sorted, q)` with its default linear interpolation (and NumPy's lerp, which
/// interpolates from the upper end when the fraction is at least one half).
fn numpy_percentile(sorted: &[f64], q: f64) -> f64 {
    let last = sorted.len().saturating_sub(1);
    let virtual_index = (q / 100.0) * last as f64;
    let below = (virtual_index.floor().max(0.0) as usize).min(last);
    let above = (below + 1).min(last);
    let t = virtual_index - below as f64;
    let (a, b) = (sorted[below], sorted[above]);
    let diff = b - a;
    if t >= 0.5 {
        b - diff * (1.0 - t)
    } else {
        a + diff * t
    }
}

/// Averages per-cluster scores. Clusters are taken in byte order of their ids (as ROUGE-1.5.5
/// sorts its instances), which fixes the resampling.
pub fn aggregate(clusters: &[(&str, &Scores)], opts: &BootstrapOptions) -> Aggregate {
    let mut ordered: Vec<&(&str, &Scores)> = clusters.iter().collect();
    ordered.sort_by(|a, b| a.0.cmp(b.0));
    let n = ordered.len();
    let mut out = Aggregate {
        n,
        ..Aggregate::default()
    };
    if n == 0 {
        return out;
    }
    // Columns: precision, recall, F of every variant, in `RougeType::ALL` order.
    let columns: Vec<Vec<f64>> = RougeType::ALL
        .iter()
        .flat_map(|&t| {
            let pick = |f: fn(crate::Score) -> f64| -> Vec<f64> {
                ordered.iter().map(|(_, s)| f(s.get(t))).collect()
            };
            [pick(|s| s.precision), pick(|s| s.recall), pick(|s| s.f1)]
        })
        .collect();
    let mut means = resample_means(&columns, n, opts).into_iter();
    let mut next = |column: &Vec<f64>| estimate(column, means.next().unwrap_or_default(), opts);
    for (k, t) in RougeType::ALL.iter().enumerate() {
        out.scores[*t as usize] = AggregateScore {
            precision: next(&columns[3 * k]),
            recall: next(&columns[3 * k + 1]),
            f1: next(&columns[3 * k + 2]),
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drand48_matches_the_reference_sequence() {
        // srand48(0); drand48() in C gives 0.170828036106 then 0.749901980484.
        let mut rng = Drand48::seeded(0);
        assert!((rng.next_f64() - 0.170828036106).abs() < 1e-9);
        assert!((rng.next_f64() - 0.749901980484).abs() < 1e-9);
    }

    #[test]
    fn numpy_percentiles() {
        // numpy.percentile([1, 2, 3, 4], [2.5, 50, 97.5]) == [1.075, 2.5, 3.925]
        let v = [1.0, 2.0, 3.0, 4.0];
        assert!((numpy_percentile(&v, 2.5) - 1.075).abs() < 1e-12);
        assert_eq!(numpy_percentile(&v, 50.0), 2.5);
        assert!((numpy_percentile(&v, 97.5) - 3.925).abs() < 1e-12);
        assert_eq!(numpy_percentile(&[7.0], 97.5), 7.0);
    }

    #[test]
    fn percentile_intervals_of_constant_and_spread_columns() {
        let constant = vec![0.25; 30];
        let spread: Vec<f64> = (0..30).map(|i| f64::from(i) / 29.0).collect();
        let out = percentile_intervals(&[constant, spread], 500, 0.95);
        assert_eq!(out[0], [0.25, 0.25, 0.25]);
        let [low, mid, high] = out[1];
        assert!(low < mid && mid < high, "{low} {mid} {high}");
        assert!(
            (mid - 0.5).abs() < 0.05,
            "the median resample mean is near the mean: {mid}"
        );
        assert_eq!(
            out,
            percentile_intervals(
                &[
                    vec![0.25; 30],
                    (0..30).map(|i| f64::from(i) / 29.0).collect()
                ],
                500,
                0.95
            ),
            "deterministic"
        );
    }

    #[test]
    fn interval_brackets_the_mean() {
        let scores: Vec<Scores> = (0..20)
            .map(|i| {
                let mut s = Scores::default();
                let v = f64::from(i) / 20.0;
                s.set(
                    RougeType::Rouge1,
                    crate::Score {
                        precision: v,
                        recall: v,
                        f1: v,
                    },
                );
                s
            })
            .collect();
        let ids: Vec<String> = (0..20).map(|i| format!("c{i:02}")).collect();
        let pairs: Vec<(&str, &Scores)> =
            ids.iter().map(String::as_str).zip(scores.iter()).collect();
        let agg = aggregate(
            &pairs,
            &BootstrapOptions {
                resamples: 200,
                confidence: 95.0,
                rouge155: false,
            },
        );
        let e = agg.get(RougeType::Rouge1).f1;
        assert!((e.mean - 0.475).abs() < 1e-12);
        assert!(e.low < e.mean && e.mean < e.high);
    }
}
