//! The WASM of every page but the meetings' (the root, a body's index, a person): mount
//! that app and nothing else. The meeting pages have their own (`src/main.rs`).

fn main() {
    minutes_viewer::mount(minutes_viewer::app::PAGES);
}
