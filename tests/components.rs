//! Component tests: each mounts a piece of the viewer into a real DOM in headless
//! Chromium (wasm-bindgen-test) and checks what a reader, or the public test contract,
//! would see. Run with `./dev test`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use minutes_core::{Block, Minutes, Paragraph, Source, SourceFormat};
use minutes_viewer::components::meeting_header::MeetingHeader;
use minutes_viewer::components::paragraph_view::ParagraphView;
use minutes_viewer::components::speech_view::SpeechView;
use minutes_viewer::components::table_of_contents::TableOfContents;
use minutes_viewer::state::provide_meeting;
use minutes_viewer::web::data;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

/// Mount `view` into a fresh `<div>` and return that element. The mount handle is
/// forgotten so the view stays in the document for the test to inspect.
fn mount<F, N>(view: F) -> HtmlElement
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), view).forget();
    host
}

/// Mount `view` inside the meeting's state, as the app does.
fn mount_in_app<F, N>(view: F) -> HtmlElement
where
    F: FnOnce() -> N + Send + 'static,
    N: IntoView + 'static,
{
    mount(move || {
        view! { <InApp view=view /> }
    })
}

#[component]
fn InApp<F, N>(view: F) -> impl IntoView
where
    F: FnOnce() -> N + Send + 'static,
    N: IntoView + 'static,
{
    provide_meeting(minutes());
    view()
}

/// The committed minutes, as the build writes them into the page.
const COMMITTED: &str = include_str!("../data/minutes/cshq-001.json");

/// The minutes, read from the page as the app reads them: the first call puts the
/// committed JSON into a `<script type="application/json">`, the way index.html carries it.
fn minutes() -> &'static Minutes {
    static PAGE: std::sync::Once = std::sync::Once::new();
    PAGE.call_once(|| {
        let document = web_sys::window().unwrap().document().unwrap();
        let block = document.create_element("script").unwrap();
        block.set_attribute("type", "application/json").unwrap();
        block.set_id(data::ELEMENT_ID);
        block.set_text_content(Some(COMMITTED));
        document.body().unwrap().append_child(&block).unwrap();
    });
    data::minutes().expect("the page's minutes parse")
}

#[wasm_bindgen_test]
fn the_minutes_are_read_out_of_the_page() {
    let committed: Minutes = serde_json::from_str(COMMITTED).unwrap();
    assert_eq!(minutes(), &committed);
}

/// The browser's NFKC, lowered by Rust, folds every paragraph as the converter did when it
/// wrote the paragraph's search form (`normalize_for_search`, with Rust's tables), and a
/// word-final capital sigma as `char::to_lowercase` does (σ, not ς).
#[wasm_bindgen_test]
fn the_browsers_fold_equals_the_converters_search_form() {
    use minutes_viewer::search::fold;
    for p in minutes().paragraphs() {
        assert_eq!(fold(&p.text), p.search, "{}", p.id);
    }
    assert_eq!(fold("ＩｏＴ　Ⅻ ΟΔΟΣ"), "iotxiiοδοσ");
}

#[wasm_bindgen_test]
fn speech_carries_its_permalink_id_and_speaker() {
    let (_, speech) = minutes().speeches().nth(1).expect("a second speech");
    let host = mount_in_app(move || view! { <SpeechView speech=speech /> });
    let article = host.query_selector("article").unwrap().expect("an article");
    assert_eq!(article.id(), speech.id);
    assert_eq!(
        article.get_attribute("data-speaker"),
        speech.speaker.clone(),
        "data-speaker is the attendee id"
    );
    let speaker = minutes()
        .attendee(speech.speaker.as_deref().unwrap())
        .unwrap();
    let heading = article.query_selector("h3").unwrap().unwrap();
    assert!(heading.text_content().unwrap().contains(&speaker.name));
    let paragraphs = article.query_selector_all("[data-paragraph]").unwrap();
    assert_eq!(paragraphs.length() as usize, speech.paragraphs.len());
}

// Guards against minutes text being injected as markup: text from a data file must be
// shown as text, never parsed as HTML.
#[wasm_bindgen_test]
fn paragraph_text_is_never_markup() {
    let paragraph: &'static Paragraph = Box::leak(Box::new(Paragraph {
        id: "p-test".into(),
        text: "<img src=x onerror=alert(1)>「引用」".into(),
        search: String::new(),
        topics: vec![],
        line: 1,
        page: None,
        page_end: None,
    }));
    let host = mount_in_app(move || view! { <ParagraphView paragraph=paragraph /> });
    let p = host.query_selector("p").unwrap().unwrap();
    assert_eq!(p.text_content().unwrap(), paragraph.text);
    assert!(host.query_selector("img").unwrap().is_none());
}

/// The committed minutes as if converted from a PDF published at `url`.
fn from_pdf_at(url: &str) -> &'static Minutes {
    let mut m = minutes().clone();
    m.source = Some(Source {
        url: Some(url.to_owned()),
        format: SourceFormat::Pdf,
        sha256: "0".repeat(64),
    });
    Box::leak(Box::new(m))
}

#[wasm_bindgen_test]
async fn the_header_links_the_published_original() {
    let url = "https://www.nisc.go.jp/council/cs/dai01/gijigaiyo.pdf";
    let m = from_pdf_at(url);
    set_search("?lang=ja");
    let host = mount_in_app(move || view! { <MeetingHeader minutes=m /> });
    // The header's content is built into it once it exists (`hydration::later`).
    started().await;
    set_search("");
    let link = host
        .query_selector("a[data-source]")
        .unwrap()
        .expect("a 出典 link");
    assert_eq!(link.get_attribute("href").as_deref(), Some(url));
    let dt = link
        .closest("div")
        .unwrap()
        .and_then(|d| d.query_selector("dt").unwrap())
        .and_then(|dt| dt.text_content());
    assert_eq!(dt.as_deref(), Some("出典"));
}

// Guards the seed, which has no PDF, and minutes whose source URL is not a web address
// (a `javascript:` link would run script when clicked): no 出典 in the header.
#[wasm_bindgen_test]
async fn the_header_names_no_original_without_a_web_address() {
    let seed = minutes();
    let script = from_pdf_at("javascript:alert(1)");
    for m in [seed, script] {
        set_search("?lang=ja");
        let host = mount_in_app(move || view! { <MeetingHeader minutes=m /> });
        started().await;
        set_search("");
        // The header is there, with its facts, and no 出典 among them.
        assert!(
            host.query_selector("dl[data-meeting-facts] dt")
                .unwrap()
                .is_some()
        );
        assert!(host.query_selector("a[data-source]").unwrap().is_none());
        assert!(!host.text_content().unwrap_or_default().contains("出典"));
    }
}

#[wasm_bindgen_test]
fn narrative_paragraphs_are_set_apart() {
    let narrative = minutes()
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .find_map(|b| match b {
            Block::Narrative(p) => Some(p),
            _ => None,
        })
        .expect("the minutes have narrative");
    let host = mount_in_app(move || view! { <ParagraphView paragraph=narrative /> });
    let p = host.query_selector("[data-paragraph]").unwrap().unwrap();
    assert!(p.class_name().contains("paragraph--narrative"));
}

#[wasm_bindgen_test]
fn contents_link_every_section_and_every_speech_of_a_debate() {
    let host = mount_in_app(|| view! { <TableOfContents minutes=minutes() /> });
    let hrefs: Vec<String> = {
        let links = host.query_selector_all("a").unwrap();
        (0..links.length())
            .filter_map(|i| links.item(i))
            .filter_map(|n| n.unchecked_into::<web_sys::Element>().get_attribute("href"))
            .collect()
    };
    for section in &minutes().sections {
        assert!(
            hrefs.contains(&format!("#{}", section.id)),
            "{}",
            section.id
        );
    }
    for (section, speech) in minutes().speeches() {
        let speeches_in_section = section
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Speech(_)))
            .count();
        if speeches_in_section > 1 {
            assert!(hrefs.contains(&format!("#{}", speech.id)), "{}", speech.id);
        }
    }
}

/// Let the app's start-up effects run: they read the URL once the view is mounted, as
/// they do after hydration. A zero timeout comes after every queued microtask.
async fn started() {
    let timeout = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(timeout).await.unwrap();
}

/// Point the page's URL at `search` without reloading, as a shared link would.
fn set_search(search: &str) {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}")),
        )
        .unwrap();
}

// Guards against the PDF artefact "I o T" escaping a search for "iot": the highlight must
// cover the spaced-out letters in the printed text.
#[wasm_bindgen_test]
async fn search_from_the_url_highlights_the_printed_artefact() {
    let paragraph = minutes()
        .paragraphs()
        .find(|p| p.text.contains("I o T"))
        .expect("the seed prints I o T");
    set_search("?q=iot");
    let host = mount_in_app(move || view! { <ParagraphView paragraph=paragraph /> });
    started().await;
    set_search("");
    let marks = host.query_selector_all("mark[data-hit]").unwrap();
    let texts: Vec<String> = (0..marks.length())
        .filter_map(|i| marks.item(i))
        .filter_map(|n| n.text_content())
        .collect();
    assert!(texts.iter().any(|t| t == "I o T"), "{texts:?}");
    let p = host.query_selector("p").unwrap().unwrap();
    assert_eq!(
        p.text_content().unwrap(),
        paragraph.text,
        "highlighting loses no text"
    );
}

// Guards against English mode touching the minutes: the speaker's name and role follow
// `?lang=en`, the paragraphs stay exactly as printed and marked as Japanese.
#[wasm_bindgen_test]
async fn english_names_the_speaker_in_latin_and_leaves_the_text_as_printed() {
    let (_, speech) = minutes()
        .speeches()
        .find(|(_, s)| s.speaker.as_deref() == Some("murai-jun"))
        .unwrap();
    set_search("?lang=en");
    let host = mount_in_app(move || view! { <SpeechView speech=speech /> });
    started().await;
    set_search("");
    let text = |selector: &str| {
        host.query_selector(selector)
            .unwrap()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    assert_eq!(text(".speech__name"), "Murai Jun");
    assert_eq!(text(".speech__role"), "Professor, Keio University");
    let first = host.query_selector("p[lang=ja]").unwrap().unwrap();
    assert_eq!(first.text_content().unwrap(), speech.paragraphs[0].text);
}
