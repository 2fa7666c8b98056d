//! The viewer's entry point: mount the app and nothing else.

fn main() {
    minutes_viewer::mount();
}
