//! `render <site> <minutes folder>`: the build step that writes the site's pages. It reads
//! Trunk's `<site>/index.html` and the two apps Trunk built into `<site>`
//! (`build::apps`), every `*.json` in the minutes folder and the bodies' file
//! beside that folder (`data/minutes/` → `data/bodies.json`), renders each page
//! and each meeting's preview card natively (`minutes_viewer::build::render::site`) and writes
//! them into the site. Run by `tools/postbuild.mjs`, Trunk's post-build hook. No browser
//! is involved.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [site, folder] = args.as_slice() else {
        eprintln!("usage: render <site folder> <minutes folder>");
        return ExitCode::from(2);
    };
    match run(site, folder) {
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

/// The apps among the site's top-level files.
fn apps_in(site: &Path) -> Result<minutes_viewer::build::apps::Apps, String> {
    let names: Vec<String> = std::fs::read_dir(site)
        .map_err(|e| format!("cannot read {}: {e}", site.display()))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .collect();
    minutes_viewer::build::apps::Apps::find(&names, |name| {
        let path = site.join(name);
        std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    })
    .map_err(|e| format!("{}: {e}", site.display()))
}

fn run(site: &Path, folder: &Path) -> Result<String, String> {
    let read = |path: &Path| {
        std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    let index = site.join("index.html");
    let template = read(&index)?;
    let apps = apps_in(site)?;
    let mut names: Vec<PathBuf> = std::fs::read_dir(folder)
        .map_err(|e| format!("cannot read {}: {e}", folder.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    let mut files = Vec::with_capacity(names.len());
    for path in &names {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        files.push((name, read(path)?));
    }
    let origin = origin()?;
    let cards = minutes_viewer::build::card::Cards::new().map_err(|e| e.to_string())?;
    use minutes_viewer::build::render;
    let in_folder = |e: render::RenderError| format!("{}: {e}", folder.display());
    let bodies_path = folder
        .parent()
        .map_or_else(|| PathBuf::from("bodies.json"), |p| p.join("bodies.json"));
    let bodies = read(&bodies_path)?;
    let library = render::read_library(&bodies, &files)
        .map_err(|e| format!("{} (with {}): {e}", folder.display(), bodies_path.display()))?;
    // The components take `&'static Minutes`: the library is kept for the whole run, in a
    // static (this process renders once and ends).
    static LIBRARY: std::sync::OnceLock<render::Library> = std::sync::OnceLock::new();
    let library = LIBRARY.get_or_init(|| library);
    let pages = render::site(&template, &apps, library, origin.as_deref(), Some(&cards))
        .map_err(in_folder)?;
    let mut bytes = 0;
    for f in &pages {
        let path = site.join(&f.path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        std::fs::write(&path, &f.bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        bytes += f.bytes.len();
    }
    Ok(format!(
        "{} meetings, {} files ({bytes} bytes) into {}",
        files.len(),
        pages.len(),
        site.display()
    ))
}

/// Where the site is deployed, from `MINUTES_SITE_URL` (`https://example.org/minutes/`):
/// an http(s) address, given a trailing `/` if it has none. Unset or empty: not known.
fn origin() -> Result<Option<String>, String> {
    let Some(url) = std::env::var("MINUTES_SITE_URL")
        .ok()
        .filter(|u| !u.trim().is_empty())
    else {
        return Ok(None);
    };
    let url = url.trim();
    if !(url.starts_with("https://") || url.starts_with("http://"))
        || url.contains(['"', '<', '>', ' '])
    {
        return Err(format!(
            "MINUTES_SITE_URL must be the site's http(s) address, e.g. https://example.org/minutes/ (got {url:?})"
        ));
    }
    Ok(Some(if url.ends_with('/') {
        url.to_owned()
    } else {
        format!("{url}/")
    }))
}
