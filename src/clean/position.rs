//! Position evidence: where the article is on the page. A scraped page is chrome,
//! then the article (a run of prose with the odd subhead, caption or list in it), then
//! more chrome; the article is the stretch of blocks where prose outweighs the short
//! lines around it. One pass over the blocks, whatever the page's size.

use std::ops::Range;

/// What a short, non-sentence line costs the stretch that includes it, in words of
/// prose: a subhead between two paragraphs is cheap, a menu of twenty items is not.
pub const SHORT_LINE_COST: i64 = 5;
/// What an item of a bulleted or numbered list costs: lists are written for articles,
/// while scrapers save menus without their bullets.
pub const LIST_ITEM_COST: i64 = 1;

/// The stretch of blocks with the largest total weight (prose counts for, short
/// lines against), or `None` when no block weighs anything. Ties keep the first
/// stretch found; the scan is one pass (Kadane's maximum subarray).
pub fn main_stretch(weights: &[i64]) -> Option<Range<usize>> {
    let mut best: Option<(i64, Range<usize>)> = None;
    let mut running = 0;
    let mut start = 0;
    for (i, &w) in weights.iter().enumerate() {
        if running <= 0 {
            running = w;
            start = i;
        } else {
            running += w;
        }
        if running > 0 && best.as_ref().is_none_or(|(total, _)| running > *total) {
            best = Some((running, start..i + 1));
        }
    }
    best.map(|(_, range)| range)
}

/// `stretch` grown over the neighbours on either side for which `absorbs` holds.
pub fn grow(stretch: Range<usize>, len: usize, absorbs: impl Fn(usize) -> bool) -> Range<usize> {
    let mut start = stretch.start;
    while start > 0 && absorbs(start - 1) {
        start -= 1;
    }
    let mut end = stretch.end;
    while end < len && absorbs(end) {
        end += 1;
    }
    start..end
}

/// The runs of at least `min` consecutive indexes for which `member` holds.
pub fn runs(len: usize, min: usize, member: impl Fn(usize) -> bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < len {
        if !member(at) {
            at += 1;
            continue;
        }
        let start = at;
        while at < len && member(at) {
            at += 1;
        }
        if at - start >= min {
            out.push(start..at);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_main_stretch_is_where_prose_outweighs_short_lines() {
        let c = -SHORT_LINE_COST;
        // (weights, stretch)
        let table: &[(&[i64], Option<Range<usize>>)] = &[
            (&[], None),
            (&[c, c, c], None),
            (&[c, c, 30, c, 25, c, c], Some(2..5)),
            // a menu of ten items splits two articles' worth of prose: the larger wins
            (&[40, c, c, c, c, c, c, c, c, c, c, 20], Some(0..1)),
            // a subhead between paragraphs is absorbed
            (&[c, 12, c, 12, c], Some(1..4)),
            (&[9, c, c, 40], Some(3..4)),
        ];
        for (weights, want) in table {
            assert_eq!(main_stretch(weights), *want, "{weights:?}");
        }
    }

    #[test]
    fn grow_absorbs_neighbours() {
        let ok = [true, false, true, true, true, false, true];
        assert_eq!(grow(3..4, ok.len(), |i| ok[i]), 2..5);
        assert_eq!(grow(0..7, ok.len(), |i| ok[i]), 0..7);
    }

    #[test]
    fn runs_of_members() {
        let member = [
            true, true, true, false, true, true, false, true, true, true, true,
        ];
        assert_eq!(runs(member.len(), 3, |i| member[i]), [0..3, 7..11]);
        assert_eq!(runs(member.len(), 2, |i| member[i]).len(), 3);
    }
}
