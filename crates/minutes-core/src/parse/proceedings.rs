//! The 4 議事概要 part: numbered sections, agenda lists, speech headings and paragraphs
//! re-joined across page breaks. This pass only finds structure; attribution and ids come
//! later, from the whole document.

use super::lines::{
    HeadingCheck, agenda_heading, end_mark, ends_paragraph, is_page_number, section_heading,
    speech_heading, speech_in_title,
};
use super::parts::{Part, Parts};
use super::{Diags, Src};
use crate::model::AgendaKind;
use crate::normalize::strip_bullets;

/// A paragraph before ids and topics: its text as printed, its first line and, from a
/// PDF, its first and last page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawPara {
    pub text: String,
    pub line: u32,
    pub pages: Option<(u32, u32)>,
}

/// A speech before attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawSpeech {
    pub designation: String,
    pub line: u32,
    pub paras: Vec<RawPara>,
}

/// An agenda list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawAgenda {
    pub kind: AgendaKind,
    pub heading: String,
    pub line: u32,
    pub items: Vec<String>,
}

/// One block of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RawBlock {
    Agenda(RawAgenda),
    Narrative(RawPara),
    Speech(RawSpeech),
}

/// A numbered section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawSection {
    pub number: u32,
    pub title: String,
    pub blocks: Vec<RawBlock>,
}

/// The proceedings as found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Proceedings {
    pub sections: Vec<RawSection>,
    pub end_mark: Option<String>,
}

impl Proceedings {
    /// Every speech, in printed order.
    pub(crate) fn speeches(&self) -> impl Iterator<Item = &RawSpeech> {
        self.sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter_map(|b| match b {
                RawBlock::Speech(sp) => Some(sp),
                _ => None,
            })
    }
}

/// Where the next paragraph goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Narrative,
    /// The speech at this block index of the last section.
    Speech(usize),
}

struct Builder<'d> {
    out: Proceedings,
    diags: &'d mut Diags,
    /// The paragraph being built, which a page break may continue.
    pending: Option<(RawPara, bool)>,
    target: Target,
    /// The agenda list (block index) that bulleted lines currently add items to.
    agenda: Option<usize>,
    end_line: Option<u32>,
    warned_after_end: bool,
}

impl Builder<'_> {
    fn section(&mut self, line: u32) -> &mut RawSection {
        if self.out.sections.is_empty() {
            self.diags.warning(
                line,
                "text before the first numbered section such as (1); kept in a section 0"
                    .to_owned(),
            );
            self.out.sections.push(RawSection {
                number: 0,
                title: String::new(),
                blocks: Vec::new(),
            });
        }
        let last = self.out.sections.len() - 1;
        &mut self.out.sections[last]
    }

    fn flush(&mut self) {
        let Some((para, _)) = self.pending.take() else {
            return;
        };
        let target = self.target;
        let section = self.section(para.line);
        match target {
            Target::Speech(i) => match section.blocks.get_mut(i) {
                Some(RawBlock::Speech(s)) => s.paras.push(para),
                _ => section.blocks.push(RawBlock::Narrative(para)),
            },
            Target::Narrative => section.blocks.push(RawBlock::Narrative(para)),
        }
    }

    /// Adds a line of text. It continues the pending paragraph when that one has not ended
    /// (a PDF page break cut it) and the line does not start a list item of its own.
    fn text(&mut self, text: &str, src: &Src<'_>, bulleted: bool) {
        if let Some((para, _)) = &mut self.pending
            && !bulleted
            && !ends_paragraph(&para.text)
        {
            para.text.push_str(text);
            if let (Some((_, end)), Some((_, more))) = (&mut para.pages, src.pages) {
                *end = more;
            }
            return;
        }
        self.flush();
        self.pending = Some((
            RawPara {
                text: text.to_owned(),
                line: src.no,
                pages: src.pages,
            },
            bulleted,
        ));
    }

    fn start_speech(&mut self, designation: &str, line: u32) {
        let section = self.section(line);
        section.blocks.push(RawBlock::Speech(RawSpeech {
            designation: designation.to_owned(),
            line,
            paras: Vec::new(),
        }));
        self.target = Target::Speech(section.blocks.len() - 1);
    }

    fn line(&mut self, src: &Src<'_>) {
        let (t, no) = (src.text, src.no);
        if t.is_empty() || is_page_number(t) {
            // Blank lines and page numbers separate nothing by themselves: whether a
            // paragraph goes on is decided by its punctuation.
            return;
        }
        if let Some(mark) = end_mark(t) {
            self.flush();
            self.close_agenda();
            self.target = Target::Narrative;
            if let Some(first) = self.end_line {
                self.diags.warning(
                    no,
                    format!("a second end mark 以上 (the first is at line {first})"),
                );
            } else {
                self.out.end_mark = Some(mark);
                self.end_line = Some(no);
            }
            return;
        }
        if let Some(end) = self.end_line
            && !self.warned_after_end
        {
            self.warned_after_end = true;
            self.diags
                .warning(no, format!("text after the end mark 以上 at line {end}"));
        }
        let last_number = self.out.sections.last().map_or(0, |s| s.number);
        if let Some((number, title)) = section_heading(t)
            && (number > last_number || self.out.sections.is_empty())
        {
            self.flush();
            self.close_agenda();
            if number != last_number + 1 {
                self.diags.warning(
                    no,
                    format!("section ({number}) follows section ({last_number})"),
                );
            }
            if title.is_empty() {
                self.diags
                    .warning(no, format!("section ({number}) has no title"));
            }
            self.out.sections.push(RawSection {
                number,
                title: title.to_owned(),
                blocks: Vec::new(),
            });
            self.target = Target::Narrative;
            if let Some(designation) = speech_in_title(title) {
                self.start_speech(designation, no);
            }
            return;
        }
        if let Some((kind, heading, after)) = agenda_heading(t) {
            self.flush();
            self.close_agenda();
            let section = self.section(no);
            section.blocks.push(RawBlock::Agenda(RawAgenda {
                kind,
                heading: heading.to_owned(),
                line: no,
                items: Vec::new(),
            }));
            self.agenda = Some(section.blocks.len() - 1);
            self.target = Target::Narrative;
            if !after.is_empty() {
                self.item(strip_bullets(after).0);
            }
            return;
        }
        match speech_heading(t) {
            HeadingCheck::Heading { designation, rest } => {
                self.flush();
                self.close_agenda();
                self.start_speech(designation, no);
                if !rest.is_empty() {
                    self.text(rest, src, false);
                }
                return;
            }
            HeadingCheck::Unclosed => {
                self.diags.error(
                    no,
                    format!("speech heading without a closing parenthesis, kept as text: {t:?}"),
                );
            }
            HeadingCheck::No => {}
        }
        let (stripped, bulleted) = strip_bullets(t);
        if bulleted && self.agenda.is_some() {
            self.item(stripped);
            return;
        }
        self.close_agenda();
        self.text(t, src, bulleted);
    }

    /// Ends the open agenda list, warning when it got no items.
    fn close_agenda(&mut self) {
        if let Some(i) = self.agenda.take()
            && let Some(RawBlock::Agenda(a)) =
                self.out.sections.last().and_then(|s| s.blocks.get(i))
            && a.items.is_empty()
        {
            let (heading, line) = (a.heading.clone(), a.line);
            self.diags
                .warning(line, format!("agenda list 【{heading}】 has no items"));
        }
    }

    fn item(&mut self, text: &str) {
        if let (Some(i), Some(section)) = (self.agenda, self.out.sections.last_mut())
            && let Some(RawBlock::Agenda(a)) = section.blocks.get_mut(i)
        {
            a.items.push(text.to_owned());
        }
    }
}

/// Reads the 4 議事概要 part. Proceedings that are missing or empty are an error: minutes
/// without them say nothing.
pub(crate) fn read(parts: &Parts<'_>, diags: &mut Diags) -> Proceedings {
    let Some(part) = parts.get(Part::Proceedings) else {
        diags.error(
            parts.last_line(),
            "no 4 議事概要 part: the proceedings are missing".to_owned(),
        );
        return Proceedings::default();
    };
    let proceedings = parse_proceedings(part.lines, diags);
    if proceedings.sections.iter().all(|s| s.blocks.is_empty()) {
        diags.error(part.heading.no, "4 議事概要 has no content".to_owned());
    }
    proceedings
}

/// Reads the lines after the 議事概要 heading.
fn parse_proceedings(lines: &[Src<'_>], diags: &mut Diags) -> Proceedings {
    let mut b = Builder {
        out: Proceedings::default(),
        diags,
        pending: None,
        target: Target::Narrative,
        agenda: None,
        end_line: None,
        warned_after_end: false,
    };
    for src in lines {
        b.line(src);
    }
    b.flush();
    b.close_agenda();
    if b.end_line.is_none() {
        let last = lines.last().map_or(1, |l| l.no);
        b.diags.warning(
            last,
            "no end mark 以上: the document may be truncated".to_owned(),
        );
    }
    b.out
}
