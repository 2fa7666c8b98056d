//! Running headers and footers: a first or last line of a page that recurs, digits aside,
//! on at least two pages and half of them, and page numbers at a page's top or foot.

use std::collections::HashMap;

use super::Raw;
use crate::normalize::compact;
use crate::parse::lines::is_page_number;

/// How a running header or footer is recognised from page to page: compacted, its digits
/// (a page number in it) masked.
fn running_key(text: &str) -> String {
    compact(text)
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// The lines without running headers, footers and page numbers at a page's top or foot.
pub(super) fn drop_running_lines<'a>(raws: &[Raw<'a>]) -> Vec<Raw<'a>> {
    let mut pages: Vec<Vec<Raw<'a>>> = Vec::new();
    for raw in raws {
        match pages.last_mut() {
            Some(page) if page.first().is_some_and(|p| p.page == raw.page) => page.push(*raw),
            _ => pages.push(vec![*raw]),
        }
    }
    let mut dropped = vec![false; raws.len()];
    let index = |raw: &Raw<'_>| usize::try_from(raw.no).unwrap_or(usize::MAX) - 1;
    // Two rounds from each end: a footer can be a line of text above a page number.
    for _ in 0..2 {
        for from_top in [true, false] {
            let ends: Vec<Option<&Raw<'a>>> = pages
                .iter()
                .map(|page| {
                    let mut kept = page.iter().filter(|r| {
                        !r.text.trim().is_empty() && !dropped.get(index(r)).copied().unwrap_or(true)
                    });
                    if from_top {
                        kept.next()
                    } else {
                        kept.next_back()
                    }
                })
                .collect();
            let mut counts: HashMap<String, usize> = HashMap::new();
            for raw in ends.iter().flatten() {
                *counts.entry(running_key(raw.text)).or_default() += 1;
            }
            for raw in ends.iter().flatten() {
                let recurs = counts.get(&running_key(raw.text)).copied().unwrap_or(0);
                let running = pages.len() >= 2 && recurs >= 2 && recurs * 2 >= pages.len();
                if (running || is_page_number(raw.text.trim()))
                    && let Some(d) = dropped.get_mut(index(raw))
                {
                    *d = true;
                }
            }
        }
    }
    raws.iter()
        .filter(|r| !dropped.get(index(r)).copied().unwrap_or(false))
        .copied()
        .collect()
}
