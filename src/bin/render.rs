//! `render <site> <minutes.json>`: the build step that writes the meeting page. It reads
//! Trunk's `<site>/index.html`, renders the app into it natively (`minutes_viewer::render`)
//! and writes it back, with the minutes JSON published beside it (`<site>/<id>.json`).
//! Run by `tools/postbuild.mjs`, Trunk's post-build hook. No browser is involved.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [site, json] = args.as_slice() else {
        eprintln!("usage: render <site folder> <minutes.json>");
        return ExitCode::from(2);
    };
    match run(site, json) {
        Ok(summary) => {
            println!("render: {summary}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("render: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(site: &Path, json_path: &Path) -> Result<String, String> {
    let read = |path: &Path| {
        std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    let index = site.join("index.html");
    let template = read(&index)?;
    let json = read(json_path)?;
    let page = minutes_viewer::render::meeting_page(&template, &json)
        .map_err(|e| format!("{}: {e}", json_path.display()))?;
    let download = site.join(&page.download_path);
    let write = |path: &Path, text: &str| {
        std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    write(&index, &page.html)?;
    write(&download, &json)?;
    Ok(format!(
        "{} ({} bytes), {}",
        index.display(),
        page.html.len(),
        download.display()
    ))
}
