//! The meeting pages' WASM: mount their app and nothing else. The other pages have their
//! own (`src/bin/pages.rs`).

fn main() {
    minutes_viewer::mount(minutes_viewer::app::MEETING);
}
