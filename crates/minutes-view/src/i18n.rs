//! The interface in Japanese and English. Every word the viewer itself says lives here, in
//! one [`Texts`] per language, so a missing translation is a compile error rather than a
//! blank. The minutes' own text is never translated: it stays as printed.
//!
//! Which language shows: `?lang=` in the address when present, else the reader's last
//! choice (remembered in `localStorage`), else Japanese, the language of the minutes.

use minutes_core::{Attendee, Group, Topic};

/// An interface language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// 日本語, the default.
    #[default]
    Ja,
    /// English.
    En,
}

impl Lang {
    /// Both languages, in the order the switch lists them.
    pub const ALL: [Lang; 2] = [Lang::Ja, Lang::En];

    /// The BCP 47 code, as used in `?lang=` and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    /// Read a code such as `en`, `EN` or `en-GB`; `None` for a language the viewer lacks.
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "ja" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's name in itself, as the switch shows it.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Ja => "日本語",
            Lang::En => "English",
        }
    }

    /// The interface texts in this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Ja => &JA,
            Lang::En => &EN,
        }
    }

    /// How a group of attendees is labelled.
    pub fn group(self, group: Group) -> &'static str {
        let t = self.texts();
        match group {
            Group::Minister => t.group_minister,
            Group::Expert => t.group_expert,
            Group::Official => t.group_official,
        }
    }

    /// A person's name: as printed in Japanese, in Latin script (family name first, as
    /// the people register writes it) in English when the register has it.
    pub fn name(self, attendee: &Attendee) -> String {
        match (self, &attendee.latin) {
            (Lang::En, Some(latin)) => latin.clone(),
            _ => attendee.name.clone(),
        }
    }

    /// A person's role: as printed, or the register's English when there is one.
    pub fn role(self, attendee: &Attendee) -> String {
        match (self, &attendee.role_en) {
            (Lang::En, Some(role)) => role.clone(),
            _ => attendee.role.clone(),
        }
    }

    /// A topic's label.
    pub fn topic(self, topic: &Topic) -> String {
        match self {
            Lang::Ja => topic.ja.clone(),
            Lang::En => topic.en.clone(),
        }
    }

    /// An office in the headquarters (本部長, 副本部長, 本部員) or a committee (委員長,
    /// 委員長代理, 委員, 議長, 構成員), in this language; an office the viewer does not know
    /// stays as printed.
    pub fn office(self, name: &str) -> String {
        if self == Lang::Ja {
            return name.to_string();
        }
        match name {
            "本部長" => "Head",
            "副本部長" => "Deputy Head",
            "本部員" | "委員" | "構成員" => "Member",
            "委員長" | "議長" => "Chair",
            "委員長代理" => "Deputy Chair",
            other => other,
        }
        .to_string()
    }
}

/// Every interface string in one language. Fields that take numbers are functions, since
/// the languages order words differently.
pub struct Texts {
    /// The switch's accessible name.
    pub language: &'static str,
    /// The skip link.
    pub skip_link: &'static str,
    /// The side column's landmark name.
    pub tools: &'static str,
    /// The fold holding filters, export and contents on a phone.
    pub tools_more: &'static str,
    /// The (hidden) heading over the proceedings.
    pub minutes_heading: &'static str,
    /// Header: date and place.
    pub date: &'static str,
    pub place: &'static str,
    /// Header: the published original the minutes were converted from (a link).
    pub source: &'static str,
    /// Attendee table.
    pub attendees: &'static str,
    pub people: fn(usize) -> String,
    pub col_name: &'static str,
    pub col_role: &'static str,
    pub col_group: &'static str,
    /// Group labels.
    pub group_minister: &'static str,
    pub group_expert: &'static str,
    pub group_official: &'static str,
    pub group_unknown: &'static str,
    /// Copy buttons: visible text (their names), descriptions (`title`), confirmations.
    pub copy_link: &'static str,
    pub copy_citation: &'static str,
    pub copy_link_speech: &'static str,
    pub copy_link_paragraph: &'static str,
    pub copy_citation_speech: &'static str,
    pub copy_citation_paragraph: &'static str,
    pub copied_link: &'static str,
    pub copied_citation: &'static str,
    pub copy_failed: &'static str,
    /// Export.
    pub export_heading: &'static str,
    /// The link to the whole minutes as published data (the JSON file beside the page).
    pub data_download: &'static str,
    /// Filters.
    pub filters: &'static str,
    pub clear_all: &'static str,
    pub speakers: &'static str,
    pub topics: &'static str,
    pub sections: &'static str,
    /// Read after each filter's count by screen readers.
    pub count_unit: &'static str,
    /// Link notices.
    pub notices_title: &'static str,
    pub close: &'static str,
    /// Statistics.
    pub stats_heading: &'static str,
    pub share_title: &'static str,
    pub share_columns: &'static [&'static str],
    pub topics_title: &'static str,
    pub topic_columns: &'static [&'static str],
    /// Why a paragraph matched a topic: between the topic and its matched terms, between
    /// terms, and between topics.
    pub reason_colon: &'static str,
    pub reason_separator: &'static str,
    /// Result summary.
    pub nothing_matches: &'static str,
    pub clear_show_all: &'static str,
    pub showing: fn(usize) -> String,
    pub matched_paragraphs: fn(usize) -> String,
    pub clear: &'static str,
    /// Search.
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub previous_hit: &'static str,
    pub next_hit: &'static str,
    pub hint_search: &'static str,
    pub hint_and: &'static str,
    pub hint_move: &'static str,
    pub hint_clear: &'static str,
    pub no_hits: &'static str,
    pub hit_of: fn(usize, usize) -> String,
    pub hits: fn(usize) -> String,
    /// Each word's matches, after the total, when a search has several words.
    pub word_hits: fn(&[(&str, usize)]) -> String,
    /// What a space, quotes, a minus and OR do in a search box ([`crate::terms`]).
    pub search_syntax: &'static str,
    /// The fold at the end of a speech under a topic or search.
    pub show_other_paragraphs: fn(usize) -> String,
    pub hide_other_paragraphs: &'static str,
    /// Speaker card.
    pub paragraphs: fn(usize) -> String,
    pub remarks: &'static str,
    pub remarks_value: fn(usize, usize) -> String,
    pub characters: &'static str,
    pub characters_value: fn(usize, &str) -> String,
    pub topics_raised: &'static str,
    /// Speech header.
    pub all_by_speaker: &'static str,
    pub unknown_speaker: &'static str,
    /// Before the speaker's designation as printed (`村井本部員`).
    pub as_printed: &'static str,
    /// Table of contents.
    pub contents: &'static str,
    /// Link notices, one per thing a link asked for that the page could not give.
    pub unreadable: fn(&str) -> String,
    pub not_a_section_number: fn(&str) -> String,
    pub query_cut: fn(usize) -> String,
    pub unknown_lang: fn(&str) -> String,
    pub unknown_speaker_id: fn(&str) -> String,
    pub unknown_topic_id: fn(&str) -> String,
    pub unknown_section: fn(u32) -> String,
    pub unknown_target: fn(&str) -> String,
    /// The series index.
    pub series_title: &'static str,
    pub meetings_heading: fn(usize) -> String,
    pub meeting_number: fn(u32) -> String,
    pub kind_meeting: &'static str,
    pub kind_written: &'static str,
    pub remarks_count: fn(usize) -> String,
    pub no_remarks: &'static str,
    /// Series search.
    pub series_search_heading: &'static str,
    pub series_search_label: &'static str,
    pub series_search_placeholder: &'static str,
    pub any_speaker: &'static str,
    pub any_topic: &'static str,
    pub year_from: &'static str,
    pub year_to: &'static str,
    pub any_year: &'static str,
    pub searching: &'static str,
    pub search_failed: &'static str,
    pub series_no_results: &'static str,
    pub series_results: fn(usize, usize) -> String,
    pub meeting_hits: fn(usize, usize) -> String,
    pub show_more_meetings: &'static str,
    /// Links between pages.
    pub site_nav: &'static str,
    /// A title's page number on a list split over pages: page, pages.
    pub page_of: fn(usize, usize) -> String,
    /// The name of the links between a list's pages.
    pub pager_label: &'static str,
    pub page_previous: &'static str,
    pub page_next: &'static str,
    /// A page link's accessible name: page number.
    pub page_number: fn(usize) -> String,
    /// On a later page of a person: the link to their first page.
    pub person_overview: &'static str,
    /// On a meeting page: the link to a person's page across the series.
    pub across_meetings: &'static str,
    pub all_meetings: &'static str,
    pub previous_meeting: &'static str,
    pub next_meeting: &'static str,
    /// A person's page.
    pub person_page_of: &'static str,
    pub roles_heading: &'static str,
    pub meetings_attended: fn(usize) -> String,
    pub person_remarks: fn(usize) -> String,
    pub by_year_title: &'static str,
    pub year_columns: &'static [&'static str],
    pub person_topic_columns: &'static [&'static str],
    pub person_topics_title: &'static str,
    pub read_in_meeting: &'static str,
    /// Keeping the whole series offline.
    pub keep_offline: fn(&str) -> String,
    pub keeping_offline: fn(usize, usize) -> String,
    pub kept_offline: &'static str,
    pub keep_offline_failed: &'static str,
    /// Several bodies on one site.
    pub site_title: &'static str,
    pub bodies_heading: fn(usize, usize) -> String,
    pub body_meetings: fn(usize) -> String,
    pub latest_meeting: &'static str,
    pub predecessor: &'static str,
    pub successor: &'static str,
    pub parent_body: &'static str,
    pub all_bodies: &'static str,
    pub body_filter: &'static str,
    pub search_this_body: &'static str,
    pub keep_body_offline: fn(&str) -> String,
    pub kept_body_offline: &'static str,
    pub keep_everything_offline: fn(&str) -> String,
}

/// 日本語.
pub static JA: Texts = Texts {
    language: "表示言語",
    skip_link: "本文へ移動",
    tools: "検索と絞り込み",
    tools_more: "絞り込み・目次",
    minutes_heading: "議事概要",
    date: "日時",
    place: "場所",
    source: "出典",
    attendees: "出席者",
    people: |n| format!("{n}名"),
    col_name: "氏名",
    col_role: "役職・所属",
    col_group: "区分",
    group_minister: "閣僚",
    group_expert: "有識者本部員",
    group_official: "政府関係者",
    group_unknown: "不明",
    copy_link: "リンク",
    copy_citation: "引用",
    copy_link_speech: "この発言へのリンクをコピー",
    copy_link_paragraph: "この段落へのリンクをコピー",
    copy_citation_speech: "この発言の引用をコピー",
    copy_citation_paragraph: "この段落の引用をコピー",
    copied_link: "リンクをコピーしました",
    copied_citation: "引用をコピーしました",
    copy_failed: "コピーできませんでした",
    export_heading: "書き出し（表示中の内容）",
    data_download: "議事録全体のデータ（JSON）",
    filters: "絞り込み",
    clear_all: "条件をすべて解除",
    speakers: "発言者",
    topics: "テーマ",
    sections: "議事",
    count_unit: "件",
    notices_title: "リンクの一部を解釈できませんでした",
    close: "閉じる",
    stats_heading: "発言の統計",
    share_title: "発言者ごとの発言量（文字数の割合）",
    share_columns: &["発言者", "発言回数", "文字数", "割合"],
    topics_title: "テーマごとの発言数",
    topic_columns: &["テーマ", "発言数", "段落数"],
    reason_colon: "：",
    reason_separator: " ／ ",
    nothing_matches: "条件に合う発言はありません。",
    clear_show_all: "条件を解除して全体を表示",
    showing: |n| format!("{n}件の発言を表示中"),
    matched_paragraphs: |n| format!("（該当する段落 {n}件）"),
    clear: "条件を解除",
    search_label: "発言を検索",
    search_placeholder: "例：IoT、ログ、村井",
    previous_hit: "前の一致",
    next_hit: "次の一致",
    hint_search: "で検索　",
    hint_and: "・",
    hint_move: "で発言を移動　",
    hint_clear: "で解除",
    no_hits: "一致なし",
    hit_of: |i, n| format!("{i} / {n}件"),
    hits: |n| format!("{n}件"),
    word_hits: |words| {
        let each: Vec<String> = words.iter().map(|(w, n)| format!("{w} {n}")).collect();
        format!("（{}）", each.join("・"))
    },
    search_syntax: "空白で区切った語をすべて含む発言を探します。「…」で語句のまま、-語で除外、A OR B でどちらか。",
    show_other_paragraphs: |n| format!("この発言の他の{n}段落も表示"),
    hide_other_paragraphs: "該当しない段落を隠す",
    paragraphs: |n| format!("{n}段落"),
    remarks: "発言",
    remarks_value: |s, p| format!("{s}回・{p}段落"),
    characters: "文字数",
    characters_value: |c, share| format!("{c}字（会議全体の{share}）"),
    topics_raised: "取り上げたテーマ",
    all_by_speaker: "この人の発言をすべて見る",
    unknown_speaker: "発言者不明",
    as_printed: "表記：",
    contents: "目次",
    unreadable: |s| format!("リンクの「{s}」は文字として読めないため無視しました。"),
    not_a_section_number: |s| format!("section「{s}」は議事の番号ではないため無視しました。"),
    query_cut: |n| format!("検索語が長すぎるため、先頭の{n}文字で検索しています。"),
    unknown_lang: |s| format!("表示言語「{s}」には対応していません（ja または en）。"),
    unknown_speaker_id: |s| format!("発言者「{s}」はこの会議の出席者にいません。"),
    unknown_topic_id: |s| format!("テーマ「{s}」はありません。"),
    unknown_section: |n| format!("議事（{n}）はありません。"),
    unknown_target: |s| {
        format!("リンク先「#{s}」はこの議事概要にありません。会議の全体を表示しています。")
    },
    series_title: "会合と議事概要",
    meetings_heading: |n| format!("会合一覧（{n}件）"),
    meeting_number: |n| format!("第{n}回"),
    kind_meeting: "会合",
    kind_written: "持ち回り開催",
    remarks_count: |n| format!("発言 {n}件"),
    no_remarks: "決定事項のみ（発言の記録なし）",
    series_search_heading: "全会合の発言を検索",
    series_search_label: "検索する語句",
    series_search_placeholder: "例：IoT、人材、ログの保存",
    any_speaker: "すべての発言者",
    any_topic: "すべてのテーマ",
    year_from: "開始年",
    year_to: "終了年",
    any_year: "指定なし",
    searching: "検索しています…",
    search_failed: "検索索引を読み込めませんでした。ネットワークにつながっていないか、オフライン用に保存されていません。",
    series_no_results: "該当する発言はありません。",
    series_results: |shown, of| {
        if shown == of {
            format!("{shown}回の会合で見つかりました（新しい順）")
        } else {
            format!("{of}回の会合のうち新しい{shown}回を表示しています")
        }
    },
    meeting_hits: |paragraphs, hits| {
        if hits > 0 {
            format!("{paragraphs}段落・{hits}か所")
        } else {
            format!("{paragraphs}段落")
        }
    },
    show_more_meetings: "さらに古い会合を表示",
    site_nav: "会合の移動",
    page_of: |page, pages| format!("（{page}/{pages}ページ）"),
    pager_label: "ページ",
    page_previous: "前のページ",
    page_next: "次のページ",
    page_number: |n| format!("{n}ページ目"),
    person_overview: "役職・テーマ・年ごとの発言数",
    across_meetings: "全会合での役職と発言",
    all_meetings: "会合一覧",
    previous_meeting: "前の会合",
    next_meeting: "次の会合",
    person_page_of: "出席者",
    roles_heading: "役職・所属",
    meetings_attended: |n| format!("出席した会合（{n}回）"),
    person_remarks: |n| format!("発言（{n}件）"),
    by_year_title: "年ごとの発言数",
    year_columns: &["年", "発言"],
    person_topic_columns: &["テーマ", "段落"],
    person_topics_title: "発言のテーマ",
    read_in_meeting: "会合の中で読む",
    keep_offline: |size| format!("全会合をオフライン用に保存（{size}）"),
    keeping_offline: |done, total| format!("保存しています… {done}/{total}"),
    kept_offline: "全会合をオフラインで読めます。",
    keep_offline_failed: "保存できませんでした。ネットワークを確認して、もう一度お試しください。",
    site_title: "会議体と議事概要",
    bodies_heading: |bodies, meetings| format!("会議体（{bodies}、会合{meetings}件）"),
    body_meetings: |n| format!("会合{n}件"),
    latest_meeting: "最新",
    predecessor: "前身",
    successor: "後継",
    parent_body: "親会議",
    all_bodies: "会議体一覧",
    body_filter: "会議体",
    search_this_body: "この会議体の発言を検索",
    keep_body_offline: |size| format!("この会議体の会合をオフライン用に保存（{size}）"),
    kept_body_offline: "この会議体の会合をオフラインで読めます。",
    keep_everything_offline: |size| format!("すべての会議体の会合をオフライン用に保存（{size}）"),
};

/// English.
pub static EN: Texts = Texts {
    language: "Language",
    skip_link: "Skip to the minutes",
    tools: "Search and filters",
    tools_more: "Filters and contents",
    minutes_heading: "Summary of proceedings",
    date: "Date",
    place: "Place",
    source: "Source",
    attendees: "Attendees",
    people: |n| plural(n, "person", "people"),
    col_name: "Name",
    col_role: "Position",
    col_group: "Group",
    group_minister: "Minister",
    group_expert: "Expert member",
    group_official: "Official",
    group_unknown: "Unknown",
    copy_link: "Link",
    copy_citation: "Cite",
    copy_link_speech: "Copy a link to this remark",
    copy_link_paragraph: "Copy a link to this paragraph",
    copy_citation_speech: "Copy a citation of this remark",
    copy_citation_paragraph: "Copy a citation of this paragraph",
    copied_link: "Link copied",
    copied_citation: "Citation copied",
    copy_failed: "Could not copy",
    export_heading: "Export (what is shown)",
    data_download: "The whole minutes as data (JSON)",
    filters: "Filters",
    clear_all: "Clear all",
    speakers: "Speakers",
    topics: "Topics",
    sections: "Sections",
    count_unit: " results",
    notices_title: "Part of this link could not be understood",
    close: "Close",
    stats_heading: "Statistics",
    share_title: "Share of speaking per speaker (characters)",
    share_columns: &["Speaker", "Remarks", "Characters", "Share"],
    topics_title: "Remarks per topic",
    topic_columns: &["Topic", "Remarks", "Paragraphs"],
    reason_colon: ": ",
    reason_separator: " / ",
    nothing_matches: "No remarks match these conditions.",
    clear_show_all: "Clear and show the whole meeting",
    showing: |n| format!("Showing {}", plural(n, "remark", "remarks")),
    matched_paragraphs: |n| {
        format!(
            " ({n} matching {})",
            if n == 1 { "paragraph" } else { "paragraphs" }
        )
    },
    clear: "Clear",
    search_label: "Search the remarks",
    search_placeholder: "e.g. IoT, ログ, Murai",
    previous_hit: "Previous match",
    next_hit: "Next match",
    hint_search: " search  ",
    hint_and: " / ",
    hint_move: " next / previous remark  ",
    hint_clear: " clear",
    no_hits: "No matches",
    hit_of: |i, n| format!("{i} of {n}"),
    hits: |n| plural(n, "match", "matches"),
    word_hits: |words| {
        let each: Vec<String> = words.iter().map(|(w, n)| format!("{w} {n}")).collect();
        format!(" ({})", each.join(", "))
    },
    search_syntax: "Finds remarks with every word. \"…\" keeps a phrase, -word excludes, A OR B finds either.",
    show_other_paragraphs: |n| {
        format!(
            "Show the other {} of this remark",
            plural(n, "paragraph", "paragraphs")
        )
    },
    hide_other_paragraphs: "Hide the paragraphs that do not match",
    paragraphs: |n| plural(n, "paragraph", "paragraphs"),
    remarks: "Remarks",
    remarks_value: |s, p| {
        format!(
            "{}, {}",
            plural(s, "remark", "remarks"),
            plural(p, "paragraph", "paragraphs")
        )
    },
    characters: "Characters",
    characters_value: |c, share| format!("{c} ({share} of the meeting)"),
    topics_raised: "Topics raised",
    all_by_speaker: "All remarks by this person",
    unknown_speaker: "Speaker unknown",
    as_printed: "As printed: ",
    contents: "Contents",
    unreadable: |s| format!("“{s}” in the link is not readable text, so it was ignored."),
    not_a_section_number: |s| format!("section “{s}” is not a section number, so it was ignored."),
    query_cut: |n| format!("The search text is too long; searching for its first {n} characters."),
    unknown_lang: |s| format!("The language “{s}” is not available (use ja or en)."),
    unknown_speaker_id: |s| format!("No attendee of this meeting has the id “{s}”."),
    unknown_topic_id: |s| format!("There is no topic “{s}”."),
    unknown_section: |n| format!("There is no section ({n})."),
    unknown_target: |s| format!("“#{s}” is not in these minutes; the whole meeting is shown."),
    series_title: "Meetings and minutes",
    meetings_heading: |n| format!("All meetings ({n})"),
    meeting_number: |n| format!("No. {n}"),
    kind_meeting: "Meeting",
    kind_written: "By written procedure",
    remarks_count: |n| {
        if n == 1 {
            "1 remark".to_owned()
        } else {
            format!("{n} remarks")
        }
    },
    no_remarks: "Decisions only; no remarks recorded",
    series_search_heading: "Search remarks in every meeting",
    series_search_label: "Words to search for",
    series_search_placeholder: "e.g. IoT, 人材, ログの保存",
    any_speaker: "Any speaker",
    any_topic: "Any topic",
    year_from: "From year",
    year_to: "To year",
    any_year: "Any",
    searching: "Searching…",
    search_failed: "The search index could not be loaded: there is no network, and it was not kept offline.",
    series_no_results: "Nothing matches.",
    series_results: |shown, of| {
        if shown == of {
            format!("Found in {shown} meetings, newest first")
        } else {
            format!("Showing the newest {shown} of {of} meetings")
        }
    },
    meeting_hits: |paragraphs, hits| {
        if hits > 0 {
            format!("{paragraphs} paragraphs, {hits} hits")
        } else {
            format!("{paragraphs} paragraphs")
        }
    },
    show_more_meetings: "Show older meetings",
    site_nav: "Meetings",
    page_of: |page, pages| format!(" (page {page} of {pages})"),
    pager_label: "Pages",
    page_previous: "Previous page",
    page_next: "Next page",
    page_number: |n| format!("Page {n}"),
    person_overview: "Roles, topics and remarks per year",
    across_meetings: "Roles and remarks across all meetings",
    all_meetings: "All meetings",
    previous_meeting: "Previous meeting",
    next_meeting: "Next meeting",
    person_page_of: "Attendee",
    roles_heading: "Roles and offices",
    meetings_attended: |n| format!("Meetings attended ({n})"),
    person_remarks: |n| format!("Remarks ({n})"),
    by_year_title: "Remarks per year",
    year_columns: &["Year", "Remarks"],
    person_topic_columns: &["Topic", "Paragraphs"],
    person_topics_title: "Topics of their remarks",
    read_in_meeting: "Read in the meeting",
    keep_offline: |size| format!("Keep every meeting offline ({size})"),
    keeping_offline: |done, total| format!("Keeping… {done}/{total}"),
    kept_offline: "Every meeting can be read offline.",
    keep_offline_failed: "Could not keep them: check the network and try again.",
    site_title: "Bodies and their minutes",
    bodies_heading: |bodies, meetings| {
        format!(
            "Bodies ({bodies}, {})",
            plural(meetings, "meeting", "meetings")
        )
    },
    body_meetings: |n| plural(n, "meeting", "meetings"),
    latest_meeting: "Latest",
    predecessor: "Predecessor",
    successor: "Successor",
    parent_body: "Part of",
    all_bodies: "All bodies",
    body_filter: "Bodies",
    search_this_body: "Search this body's remarks",
    keep_body_offline: |size| format!("Keep this body's meetings offline ({size})"),
    kept_body_offline: "This body's meetings can be read offline.",
    keep_everything_offline: |size| format!("Keep every body's meetings offline ({size})"),
};

/// `1 remark`, `2 remarks`.
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back() {
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.code()), Some(lang));
        }
        assert_eq!(Lang::parse("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::parse("ja_JP"), Some(Lang::Ja));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn english_counts_agree_in_number() {
        assert_eq!((EN.showing)(1), "Showing 1 remark");
        assert_eq!((EN.showing)(3), "Showing 3 remarks");
        assert_eq!((EN.hit_of)(2, 5), "2 of 5");
        assert_eq!((JA.showing)(3), "3件の発言を表示中");
    }

    #[test]
    fn english_names_and_roles_come_from_the_register() {
        let m = crate::data::minutes().unwrap();
        let murai = m.attendee("murai-jun").unwrap();
        assert_eq!(Lang::En.name(murai), "Murai Jun");
        assert_eq!(Lang::Ja.name(murai), "村井 純");
        assert_eq!(Lang::En.role(murai), "Professor, Keio University");
        assert_eq!(Lang::Ja.role(murai), "慶應義塾大学教授");
        // Everyone in the seed has a Latin name and an English role, so English mode
        // never falls back to kanji for a person.
        for a in &m.attendees {
            assert!(a.latin.is_some() && a.role_en.is_some(), "{}", a.id);
        }
    }

    #[test]
    fn offices_translate_and_unknown_ones_stay_as_printed() {
        assert_eq!(Lang::En.office("本部長"), "Head");
        assert_eq!(Lang::En.office("顧問"), "顧問");
        assert_eq!(Lang::Ja.office("本部長"), "本部長");
    }
}
