//! Longest common subsequences: the plain length, and the summary-level union LCS hit count that
//! both rouge-score (ROUGE-Lsum) and ROUGE-1.5.5 (ROUGE-L) use. Both walk back the table the same
//! way (a match goes diagonal, otherwise left only when strictly better than up), so one walk
//! serves both.

use rustc_hash::FxHashMap;

/// Reusable buffers for the LCS tables.
#[derive(Debug, Default, Clone)]
pub struct LcsBuffers {
    columns: Vec<u64>,
    masks: Vec<u64>,
    mask_rows: FxHashMap<u32, usize>,
    table: Vec<u32>,
    mask: Vec<bool>,
}

/// Builds the match masks of `pattern` in `buf` (for each distinct token, the bits of its
/// positions) and returns the number of 64-bit words per mask.
fn build_masks(pattern: &[u32], buf: &mut LcsBuffers) -> usize {
    let words = pattern.len().div_ceil(64);
    buf.masks.clear();
    buf.mask_rows.clear();
    for (i, &token) in pattern.iter().enumerate() {
        let next = buf.masks.len() / words;
        let row = *buf.mask_rows.entry(token).or_insert(next);
        if row == next {
            buf.masks.resize(buf.masks.len() + words, 0);
        }
        buf.masks[row * words + i / 64] |= 1u64 << (i % 64);
    }
    words
}

/// One step of the bit-parallel LCS: the column vector after one more text token whose match
/// mask is `m` (`V' = (V + (V & M)) | (V & !M)`, with carries across words).
fn advance_column(previous: &[u64], m: &[u64], out: &mut [u64]) {
    let mut carry = 0u64;
    for k in 0..previous.len() {
        let v = previous[k];
        let u = v & m[k];
        let (sum, c1) = v.overflowing_add(u);
        let (sum, c2) = sum.overflowing_add(carry);
        carry = u64::from(c1 || c2);
        out[k] = sum | (v & !m[k]);
    }
}

/// Zero bits of `column` among its first `bits` positions: the LCS table value at that row.
fn zeros_below(column: &[u64], bits: usize) -> u32 {
    let full = bits / 64;
    let mut zeros: u32 = column[..full].iter().map(|w| w.count_zeros()).sum();
    let rest = bits % 64;
    if rest > 0 {
        zeros += (!column[full] & ((1u64 << rest) - 1)).count_ones();
    }
    zeros
}

/// Length of the LCS of `a` and `b`, bit-parallel (Allison–Dix / Hyyrö): one bit per position of
/// the shorter sequence, so each token of the longer one costs a few word operations.
pub fn lcs_len(a: &[u32], b: &[u32], buf: &mut LcsBuffers) -> u32 {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() {
        return 0;
    }
    let words = build_masks(short, buf);
    let mut v = vec![u64::MAX; words];
    let mut next = vec![0u64; words];
    for token in long {
        let Some(&row) = buf.mask_rows.get(token) else {
            continue;
        };
        advance_column(&v, &buf.masks[row * words..(row + 1) * words], &mut next);
        std::mem::swap(&mut v, &mut next);
    }
    zeros_below(&v, short.len())
}

/// Above this many stored column words, `mark_lcs_bits` gives way to the banded table walk.
const MAX_COLUMN_WORDS: usize = 1 << 22;

/// The same walk as [`mark_lcs`], on bit-parallel columns: column `j` holds, for every row `i`, a
/// zero bit where the table grows, so a table value is a popcount. Needs the masks of
/// `reference` built by [`build_masks`] (`words` per mask).
fn mark_lcs_bits(
    reference: &[u32],
    candidate: &[u32],
    words: usize,
    buf: &mut LcsBuffers,
    mask: &mut [bool],
) {
    let (m, n) = (reference.len(), candidate.len());
    if m == 0 || n == 0 {
        return;
    }
    buf.columns.clear();
    buf.columns.resize((n + 1) * words, u64::MAX);
    for (j, token) in candidate.iter().enumerate() {
        let (done, rest) = buf.columns.split_at_mut((j + 1) * words);
        let previous = &done[j * words..];
        let current = &mut rest[..words];
        match buf.mask_rows.get(token) {
            Some(&row) => advance_column(
                previous,
                &buf.masks[row * words..(row + 1) * words],
                current,
            ),
            None => current.copy_from_slice(previous),
        }
    }
    let column = |j: usize| &buf.columns[j * words..(j + 1) * words];
    let (mut i, mut j) = (m, n);
    while i > 0 && j > 0 {
        if reference[i - 1] == candidate[j - 1] {
            mask[i - 1] = true;
            i -= 1;
            j -= 1;
        } else if zeros_below(column(j - 1), i) > zeros_below(column(j), i - 1) {
            j -= 1;
        } else {
            i -= 1;
        }
    }
}

/// Above this many table cells, `mark_lcs` keeps only every k-th row and recomputes bands.
const MAX_TABLE_CELLS: usize = 1 << 24;

/// Fills rows `first + 1 ..= first + rows` of the LCS table into `out` (row-major, `width` wide),
/// starting from row `first` given in `start`.
fn fill_rows(
    reference: &[u32],
    candidate: &[u32],
    start: &[u32],
    first: usize,
    rows: usize,
    out: &mut Vec<u32>,
) {
    let width = candidate.len() + 1;
    out.clear();
    out.extend_from_slice(start);
    out.resize((rows + 1) * width, 0);
    for (k, &r) in reference[first..first + rows].iter().enumerate() {
        let (done, rest) = out.split_at_mut((k + 1) * width);
        let previous = &done[k * width..];
        let current = &mut rest[..width];
        let mut left = 0u32;
        for (j, &c) in candidate.iter().enumerate() {
            let value = if r == c {
                previous[j] + 1
            } else {
                previous[j + 1].max(left)
            };
            current[j + 1] = value;
            left = value;
        }
    }
}

/// Marks in `mask` the positions of `reference` on the LCS walked back from the table end. Large
/// tables are not held whole: every `band`-th row is kept and each band is recomputed on the way
/// back, so memory stays near `2·√m` rows while the walk is the same.
fn mark_lcs(reference: &[u32], candidate: &[u32], buf: &mut LcsBuffers, mask: &mut [bool]) {
    mark_lcs_within(reference, candidate, MAX_TABLE_CELLS, buf, mask);
}

/// [`mark_lcs`] holding at most about `max_cells` table cells at once.
fn mark_lcs_within(
    reference: &[u32],
    candidate: &[u32],
    max_cells: usize,
    buf: &mut LcsBuffers,
    mask: &mut [bool],
) {
    let (m, n) = (reference.len(), candidate.len());
    if m == 0 || n == 0 {
        return;
    }
    let width = n + 1;
    let band = if (m + 1) * width <= max_cells {
        m
    } else {
        ((m as f64).sqrt() as usize).max(1)
    };
    // Checkpoint rows 0, band, 2·band, … (the whole table when `band == m`).
    let mut checkpoints: Vec<Vec<u32>> = vec![vec![0; width]];
    let mut first = 0;
    while first + band < m {
        fill_rows(
            reference,
            candidate,
            &checkpoints[first / band],
            first,
            band,
            &mut buf.table,
        );
        checkpoints.push(buf.table[band * width..].to_vec());
        first += band;
    }
    let (mut i, mut j) = (m, n);
    let mut band_start = usize::MAX;
    while i > 0 && j > 0 {
        let lower = (i - 1) / band * band;
        if lower != band_start {
            band_start = lower;
            let rows = (lower + band).min(m) - lower;
            fill_rows(
                reference,
                candidate,
                &checkpoints[lower / band],
                lower,
                rows,
                &mut buf.table,
            );
        }
        let t = &buf.table;
        let at = |row: usize, col: usize| t[(row - band_start) * width + col];
        if reference[i - 1] == candidate[j - 1] {
            mask[i - 1] = true;
            i -= 1;
            j -= 1;
        } else if at(i, j - 1) > at(i - 1, j) {
            j -= 1;
        } else {
            i -= 1;
        }
    }
}

/// Token counts used to clip union-LCS hits.
pub type Counts = FxHashMap<u32, u32>;

/// Counts of every token of `units`.
pub fn counts<'a>(units: impl Iterator<Item = &'a [u32]>) -> Counts {
    let mut c = Counts::default();
    for unit in units {
        for &id in unit {
            *c.entry(id).or_insert(0) += 1;
        }
    }
    c
}

/// Summary-level union-LCS hits: for each reference unit, the union of its LCS positions with
/// every candidate unit, counted in order while both token budgets last (each hit spends one).
pub fn union_lcs_hits(
    reference_units: &[&[u32]],
    candidate_units: &[&[u32]],
    reference_counts: &mut Counts,
    candidate_counts: &mut Counts,
    buf: &mut LcsBuffers,
) -> u32 {
    let mut hits = 0;
    let mut mask = std::mem::take(&mut buf.mask);
    let longest_candidate = candidate_units.iter().map(|c| c.len()).max().unwrap_or(0);
    for reference in reference_units {
        mask.clear();
        mask.resize(reference.len(), false);
        let words = build_masks(reference, buf);
        let bit_parallel = (longest_candidate + 1) * words <= MAX_COLUMN_WORDS;
        for candidate in candidate_units {
            if bit_parallel {
                mark_lcs_bits(reference, candidate, words, buf, &mut mask);
            } else {
                mark_lcs(reference, candidate, buf, &mut mask);
            }
        }
        for (pos, &on) in mask.iter().enumerate() {
            if !on {
                continue;
            }
            let token = reference[pos];
            let (Some(r), Some(c)) = (
                reference_counts.get(&token).copied(),
                candidate_counts.get(&token).copied(),
            ) else {
                continue;
            };
            if r > 0 && c > 0 {
                hits += 1;
                reference_counts.insert(token, r - 1);
                candidate_counts.insert(token, c - 1);
            }
        }
    }
    buf.mask = mask;
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bit_parallel_lcs_agrees_with_the_table() {
        let mut buf = LcsBuffers::default();
        let mut seed = 12345u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as u32
        };
        for round in 0..200 {
            let (la, lb) = (next() as usize % 150, next() as usize % 150);
            let alphabet = 2 + round % 7;
            let a: Vec<u32> = (0..la).map(|_| next() % alphabet).collect();
            let b: Vec<u32> = (0..lb).map(|_| next() % alphabet).collect();
            let mut table = vec![vec![0u32; lb + 1]; la + 1];
            for i in 1..=la {
                for j in 1..=lb {
                    table[i][j] = if a[i - 1] == b[j - 1] {
                        table[i - 1][j - 1] + 1
                    } else {
                        table[i - 1][j].max(table[i][j - 1])
                    };
                }
            }
            assert_eq!(lcs_len(&a, &b, &mut buf), table[la][lb], "{a:?} {b:?}");
        }
    }

    #[test]
    fn banded_walk_marks_the_same_positions() {
        let mut seed = 99u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as u32 % 5
        };
        // 500 x 400 cells exceed a limit of 10,000, so the banded walk runs.
        let a: Vec<u32> = (0..500).map(|_| next()).collect();
        let b: Vec<u32> = (0..400).map(|_| next()).collect();
        let mut buf = LcsBuffers::default();
        let mut banded = vec![false; a.len()];
        mark_lcs_within(&a, &b, 10_000, &mut buf, &mut banded);
        let mut whole = vec![false; a.len()];
        let width = b.len() + 1;
        let mut t = Vec::new();
        fill_rows(&a, &b, &vec![0; width], 0, a.len(), &mut t);
        let (mut i, mut j) = (a.len(), b.len());
        while i > 0 && j > 0 {
            if a[i - 1] == b[j - 1] {
                whole[i - 1] = true;
                i -= 1;
                j -= 1;
            } else if t[i * width + j - 1] > t[(i - 1) * width + j] {
                j -= 1;
            } else {
                i -= 1;
            }
        }
        assert_eq!(banded, whole);
        assert_eq!(
            banded.iter().filter(|&&x| x).count() as u32,
            lcs_len(&a, &b, &mut buf)
        );
    }

    #[test]
    fn bit_parallel_walk_marks_the_same_positions() {
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as u32
        };
        let mut buf = LcsBuffers::default();
        for round in 0..300 {
            let alphabet = 2 + round % 9;
            let (la, lb) = (next() as usize % 140, next() as usize % 140);
            let a: Vec<u32> = (0..la).map(|_| next() % alphabet).collect();
            let b: Vec<u32> = (0..lb).map(|_| next() % alphabet).collect();
            let mut by_table = vec![false; la];
            mark_lcs(&a, &b, &mut buf, &mut by_table);
            let words = build_masks(&a, &mut buf);
            let mut by_bits = vec![false; la];
            mark_lcs_bits(&a, &b, words, &mut buf, &mut by_bits);
            assert_eq!(by_bits, by_table, "{a:?} {b:?}");
        }
    }

    #[test]
    fn plain_lcs() {
        let mut buf = LcsBuffers::default();
        assert_eq!(lcs_len(&[1, 2, 3, 4], &[2, 4, 3], &mut buf), 2);
        assert_eq!(lcs_len(&[], &[1], &mut buf), 0);
    }

    #[test]
    fn union_lcs_example_from_the_paper() {
        // r = w1 w2 w3 w4 w5; c1 = w1 w2 w6 w7 w8; c2 = w1 w3 w8 w9 w5 -> union {w1 w2 w3 w5}.
        let r: &[u32] = &[1, 2, 3, 4, 5];
        let c1: &[u32] = &[1, 2, 6, 7, 8];
        let c2: &[u32] = &[1, 3, 8, 9, 5];
        let mut rc = counts([r].into_iter());
        let mut cc = counts([c1, c2].into_iter());
        let mut buf = LcsBuffers::default();
        assert_eq!(
            union_lcs_hits(&[r], &[c1, c2], &mut rc, &mut cc, &mut buf),
            4
        );
    }
}
