//! Preview cards (feature `ssr`): one 1200×630 PNG per meeting, `<meeting-id>/card.png`,
//! which its share pages name as `og:image`. A chat app shows it beside the quoted words:
//! the body, the meeting, its date and place, drawn from an SVG by resvg with a Japanese
//! font of the machine that builds.
//!
//! One card per meeting rather than per speech: a card takes about 20 ms to draw and
//! encode, and 1,000 meetings of 14 speeches would spend minutes on cards alone
//! (bench/RESULTS.md, "Issue 21, preview cards").

use std::fmt::{self, Write as _};
use std::sync::Arc;

use minutes_core::Minutes;
use resvg::{tiny_skia, usvg};

use crate::format;
use crate::i18n::Lang;

/// The card's size: the 1.91:1 image that Open Graph previews show large.
pub const WIDTH: u32 = 1200;
/// See [`WIDTH`].
pub const HEIGHT: u32 = 630;

/// The font family the card is drawn in; `fonts-noto-cjk` installs it.
pub const FONT_FAMILY: &str = "Noto Sans CJK JP";

/// The left margin, and the widest a line of text may be.
const MARGIN: f32 = 88.0;
const LINE_WIDTH: f32 = WIDTH as f32 - MARGIN - 72.0;

/// Why a card could not be drawn.
#[derive(Debug, PartialEq)]
pub enum CardError {
    /// The machine has no font the card's Japanese can be drawn in.
    NoFont,
    /// resvg could not read or draw the card (a bug here, not in the minutes).
    Draw(String),
}

impl fmt::Display for CardError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CardError::NoFont => write!(
                f,
                "the preview cards need the font {FONT_FAMILY}, which this machine lacks \
                 (Debian: apt-get install fonts-noto-cjk; ./dev setup installs it)"
            ),
            CardError::Draw(why) => write!(f, "a preview card could not be drawn: {why}"),
        }
    }
}

impl std::error::Error for CardError {}

/// What draws cards: the machine's fonts, loaded once.
pub struct Cards {
    options: usvg::Options<'static>,
}

impl Cards {
    /// Load the system's fonts; fails when none is [`FONT_FAMILY`].
    pub fn new() -> Result<Cards, CardError> {
        let mut fonts = usvg::fontdb::Database::new();
        fonts.load_system_fonts();
        let has_family = fonts
            .faces()
            .any(|face| face.families.iter().any(|(name, _)| name == FONT_FAMILY));
        if !has_family {
            return Err(CardError::NoFont);
        }
        let options = usvg::Options {
            font_family: FONT_FAMILY.to_owned(),
            fontdb: Arc::new(fonts),
            ..usvg::Options::default()
        };
        Ok(Cards { options })
    }

    /// The meeting's card as a PNG.
    pub fn png(&self, minutes: &Minutes) -> Result<Vec<u8>, CardError> {
        let tree = self.tree(minutes)?;
        let mut pixmap =
            tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or(CardError::Draw("no pixmap".into()))?;
        resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
        encode(&pixmap)
    }

    fn tree(&self, minutes: &Minutes) -> Result<usvg::Tree, CardError> {
        usvg::Tree::from_str(&svg(minutes), &self.options)
            .map_err(|e| CardError::Draw(e.to_string()))
    }
}

/// The card as an SVG: its lines top to bottom, each shrunk to fit the card's width.
fn svg(minutes: &Minutes) -> String {
    let texts = Lang::Ja.texts();
    let title = minutes
        .title
        .trim_end_matches("議事概要")
        .trim_end_matches(['　', ' ']);
    let kind = if minutes.written_procedure() {
        texts.kind_written.to_owned()
    } else {
        format!(
            "{} · 発言 {} 件",
            texts.kind_meeting,
            minutes.speeches().count()
        )
    };
    // (baseline, size, weight, colour, text)
    let lines = [
        (150.0, 52.0, 700, "#8a2b0f", minutes.body.as_str()),
        (290.0, 100.0, 700, "#1f1a17", title),
        (385.0, 46.0, 400, "#3b3430", &format::date_ja(&minutes.date)),
        (455.0, 36.0, 400, "#5b524c", minutes.place.as_str()),
        (570.0, 30.0, 400, "#5b524c", &format!("議事概要 · {kind}")),
    ];
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\">\
         <rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#fbf8f3\"/>\
         <rect width=\"24\" height=\"{HEIGHT}\" fill=\"#8a2b0f\"/>"
    );
    for (y, size, weight, fill, text) in lines {
        let size = fitted_size(text, size);
        let _ = write!(
            svg,
            "<text x=\"{MARGIN}\" y=\"{y}\" font-size=\"{size:.1}\" font-weight=\"{weight}\" \
             fill=\"{fill}\">{}</text>",
            html_escape::encode_text(text)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The font size at which `text` fits [`LINE_WIDTH`], at most `size`: a full-width
/// character is about one em wide, a half-width one about half. A line too long even at
/// half its size is drawn at half and runs off the card's edge rather than wrapping into
/// the next line.
fn fitted_size(text: &str, size: f32) -> f32 {
    let ems: f32 = text
        .chars()
        .map(|c| if c.is_ascii() { 0.6 } else { 1.0 })
        .sum();
    if ems == 0.0 {
        return size;
    }
    (LINE_WIDTH / ems).clamp(size / 2.0, size)
}

/// The pixels as an RGB PNG: the card is opaque (its background fills it), so the
/// premultiplied pixels are the colours themselves and the alpha channel can go.
fn encode(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, CardError> {
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, WIDTH, HEIGHT);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Balanced);
    let draw = |e: png::EncodingError| CardError::Draw(e.to_string());
    let mut writer = encoder.write_header().map_err(draw)?;
    writer.write_image_data(&rgb).map_err(draw)?;
    writer.finish().map_err(draw)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> Minutes {
        serde_json::from_str(include_str!("../../data/minutes/cshq-001.json")).unwrap()
    }

    /// `None` where the machine has no Japanese font: `./dev setup` installs it, and the
    /// renderer fails without it, so the e2e tests still see every card.
    fn cards() -> Option<Cards> {
        match Cards::new() {
            Ok(cards) => Some(cards),
            Err(e) => {
                eprintln!("skipping: {e}");
                None
            }
        }
    }

    #[test]
    fn a_card_is_a_1200_by_630_png() {
        let Some(cards) = cards() else { return };
        let png = cards.png(&seed()).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let reader = decoder.read_info().unwrap();
        let info = reader.info();
        assert_eq!((info.width, info.height), (WIDTH, HEIGHT));
    }

    #[test]
    fn every_line_of_the_card_is_drawn_in_the_font_and_within_the_card() {
        let Some(cards) = cards() else { return };
        let mut minutes = seed();
        minutes.body = "サイバーセキュリティ戦略本部重要インフラ専門調査会合同会議".into();
        minutes.place = "Conference Room, 4th floor, Prime Minister's Office, Nagatacho".into();
        let tree = cards.tree(&minutes).unwrap();
        let texts: Vec<_> = tree.root().children().iter().skip(2).collect();
        assert_eq!(texts.len(), 5);
        for node in texts {
            let usvg::Node::Text(text) = node else {
                panic!("not a text node: {node:?}");
            };
            // Text that the font could not draw has no outline, and so no box.
            let bounds = text.abs_bounding_box();
            assert!(bounds.width() > 100.0, "{:?}", text.chunks()[0].text());
            assert!(
                bounds.right() <= WIDTH as f32 - 24.0,
                "{:?} runs to {}",
                text.chunks()[0].text(),
                bounds.right()
            );
        }
    }

    #[test]
    fn the_card_names_the_meeting_and_a_written_procedure_as_such() {
        let mut minutes = seed();
        let card = svg(&minutes);
        assert!(card.contains(">サイバーセキュリティ戦略本部<"), "{card}");
        assert!(card.contains(">第1回会合<"), "{card}");
        assert!(card.contains("2015年"), "{card}");
        assert!(card.contains("会合 · 発言 14 件"), "{card}");
        minutes.title = "第2回会合（持ち回り開催） 議事概要".into();
        minutes.body = "<本部> & \"会\"".into();
        let card = svg(&minutes);
        assert!(card.contains("持ち回り開催<"), "{card}");
        assert!(card.contains("&lt;本部&gt; &amp;"), "{card}");
    }
}
