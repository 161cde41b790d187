//! A small static file server for local use and the browser tests, shaped like GitHub Pages:
//! folders serve their `index.html`, a folder without its trailing slash redirects to it,
//! unknown paths get `404.html` with status 404, and `.br`/`.gz` files written next to the
//! originals are served when the browser accepts them. `--prefix /aftercare/` mounts the site
//! under a subpath, as a project site is. Caching as GitHub Pages does it: every file carries
//! an `ETag` and a matching `If-None-Match` gets `304 Not Modified`; files keep
//! `Cache-Control: max-age=600` (Pages' ten minutes), except pages (`.html`), which are
//! revalidated on every visit (`no-cache`) so a rebuild shows at once. (The build names its
//! scripts, styles and bundles by content hash, so a rebuild never meets a stale copy of
//! those; the service worker checks every file it stores against the build's hashes.)
//! One thread per connection, `Connection: close`: plenty for one person or one test run,
//! and nothing to configure.

use std::fmt::Write as _;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

struct Options {
    dir: PathBuf,
    port: u16,
    prefix: String,
    log: bool,
}

/// Parses the options and serves until the process is stopped.
pub fn run(args: &[String]) -> Result<(), String> {
    let mut options = Options {
        dir: PathBuf::from("dist"),
        port: 8080,
        prefix: "/".to_owned(),
        log: false,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || it.next().cloned().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--dir" => options.dir = PathBuf::from(value()?),
            "--port" => options.port = value()?.parse().map_err(|e| format!("--port: {e}"))?,
            "--prefix" => {
                let p = value()?;
                options.prefix = format!("/{}/", p.trim_matches('/')).replace("//", "/");
            }
            "--log" => options.log = true,
            other => return Err(format!("unknown option {other}")),
        }
    }
    if !options.dir.join("index.html").is_file() {
        return Err(format!(
            "{} has no index.html: build first (make dist)",
            options.dir.display()
        ));
    }
    let listener = TcpListener::bind(("127.0.0.1", options.port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{}: {e}", options.port))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    println!(
        "Serving {} at http://127.0.0.1:{port}{}",
        options.dir.display(),
        options.prefix
    );
    let _ = std::io::stdout().flush();
    let options = std::sync::Arc::new(options);
    for stream in listener.incoming().flatten() {
        let options = std::sync::Arc::clone(&options);
        std::thread::spawn(move || {
            if let Err(e) = handle(stream, &options) {
                if options.log {
                    eprintln!("serve: {e}");
                }
            }
        });
    }
    Ok(())
}

fn handle(stream: TcpStream, options: &Options) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut accept_encoding = String::new();
    let mut if_none_match = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("accept-encoding") {
                accept_encoding = value.trim().to_ascii_lowercase();
            } else if name.eq_ignore_ascii_case("if-none-match") {
                value.trim().clone_into(&mut if_none_match);
            }
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let response = not_modified(
        respond(options, method, target, &accept_encoding),
        &if_none_match,
    );
    if options.log {
        eprintln!("{} {method} {target}", response.status);
    }
    write_response(stream, &response, method == "HEAD")
}

struct Response {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

fn respond(options: &Options, method: &str, target: &str, accept_encoding: &str) -> Response {
    if method != "GET" && method != "HEAD" {
        return text(405, "Method not allowed");
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let Some(decoded) = percent_decode(path) else {
        return not_found(options);
    };
    let Some(rest) = decoded.strip_prefix(&options.prefix).or_else(|| {
        // "/aftercare" without its slash: redirect like a folder.
        (format!("{decoded}/") == options.prefix).then_some("")
    }) else {
        return not_found(options);
    };
    if !decoded.ends_with('/') && rest.is_empty() {
        return redirect(&format!("{decoded}/"), target);
    }
    let Some(relative) = safe_relative(rest) else {
        return not_found(options);
    };
    let mut file = options.dir.join(&relative);
    if file.is_dir() {
        if !decoded.ends_with('/') {
            return redirect(&format!("{decoded}/"), target);
        }
        file = file.join("index.html");
    }
    if !file.is_file() {
        return not_found(options);
    }
    serve_file(&file, 200, accept_encoding)
}

/// A `200` whose `ETag` the browser already holds (`If-None-Match`) becomes an empty `304`.
fn not_modified(response: Response, if_none_match: &str) -> Response {
    let held = |tag: &str| {
        if_none_match.trim() == "*"
            || if_none_match
                .split(',')
                .any(|t| t.trim().trim_start_matches("W/") == tag)
    };
    let etag = response
        .headers
        .iter()
        .find(|(name, _)| *name == "ETag")
        .map(|(_, tag)| tag.clone());
    match etag {
        Some(tag) if response.status == 200 && !if_none_match.is_empty() && held(&tag) => {
            Response {
                status: 304,
                headers: response
                    .headers
                    .into_iter()
                    .filter(|(name, _)| !matches!(*name, "Content-Type" | "Content-Encoding"))
                    .collect(),
                body: Vec::new(),
            }
        }
        _ => response,
    }
}

/// The `ETag` of the bytes about to be served: their length and modification time, and the
/// encoding, so the br, gzip and plain copies of a file never share a tag.
fn etag(file: &Path, encoding: &str) -> Option<String> {
    let meta = fs::metadata(file).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some(format!("\"{:x}-{modified:x}{encoding}\"", meta.len()))
}

fn serve_file(file: &Path, status: u16, accept_encoding: &str) -> Response {
    let mime = mime_type(file);
    let page = mime.starts_with("text/html");
    let mut headers = vec![
        ("Content-Type", mime.to_owned()),
        (
            "Cache-Control",
            if page { "no-cache" } else { "max-age=600" }.to_owned(),
        ),
        ("X-Content-Type-Options", "nosniff".to_owned()),
    ];
    for (encoding, ext) in [("br", "br"), ("gzip", "gz")] {
        let mut compressed = file.as_os_str().to_owned();
        compressed.push(format!(".{ext}"));
        let compressed = PathBuf::from(compressed);
        if accepts(accept_encoding, encoding) && compressed.is_file() {
            if let Ok(body) = fs::read(&compressed) {
                headers.push(("Content-Encoding", encoding.to_owned()));
                headers.push(("Vary", "Accept-Encoding".to_owned()));
                if status == 200 {
                    if let Some(tag) = etag(&compressed, &format!("-{encoding}")) {
                        headers.push(("ETag", tag));
                    }
                }
                return Response {
                    status,
                    headers,
                    body,
                };
            }
        }
    }
    if status == 200 {
        if let Some(tag) = etag(file, "") {
            headers.push(("ETag", tag));
        }
    }
    match fs::read(file) {
        Ok(body) => Response {
            status,
            headers,
            body,
        },
        Err(_) => text(500, "Cannot read file"),
    }
}

fn accepts(accept_encoding: &str, encoding: &str) -> bool {
    accept_encoding.split(',').any(|e| {
        e.split(';')
            .next()
            .is_some_and(|name| name.trim() == encoding)
    })
}

fn not_found(options: &Options) -> Response {
    let page = options.dir.join("404.html");
    if page.is_file() {
        serve_file(&page, 404, "")
    } else {
        text(404, "Not found")
    }
}

fn redirect(location: &str, target: &str) -> Response {
    let query = target.find('?').map_or("", |i| &target[i..]);
    Response {
        status: 301,
        headers: vec![("Location", format!("{location}{query}"))],
        body: Vec::new(),
    }
}

fn text(status: u16, body: &str) -> Response {
    Response {
        status,
        headers: vec![("Content-Type", "text/plain; charset=utf-8".to_owned())],
        body: body.as_bytes().to_vec(),
    }
}

/// A path inside the served folder, or `None` for anything that would leave it.
fn safe_relative(rest: &str) -> Option<PathBuf> {
    let path = Path::new(rest);
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(out)
}

fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn mime_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        _ => "application/octet-stream",
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        304 => "Not Modified",
        301 => "Moved Permanently",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Internal Server Error",
    }
}

fn write_response(
    mut stream: impl Write,
    response: &Response,
    head_only: bool,
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\n",
        response.status,
        reason(response.status)
    );
    for (name, value) in &response.headers {
        let _ = write!(head, "{name}: {value}\r\n");
    }
    let _ = write!(
        head,
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        response.body.len()
    );
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(&response.body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_never_leave_the_served_folder() {
        assert_eq!(safe_relative("a/b.js"), Some(PathBuf::from("a/b.js")));
        assert_eq!(safe_relative("../etc/passwd"), None);
        assert_eq!(safe_relative("a/../../x"), None);
        assert_eq!(safe_relative("/etc/passwd"), None);
    }

    #[test]
    fn wasm_has_its_mime_type() {
        assert_eq!(mime_type(Path::new("app_bg.wasm")), "application/wasm");
        assert!(accepts("gzip, deflate, br", "br"));
        assert!(!accepts("gzip", "br"));
    }

    #[test]
    fn every_header_line_ends_with_crlf() {
        let response = Response {
            status: 200,
            headers: vec![("Content-Type", "text/plain".to_owned())],
            body: b"hi".to_vec(),
        };
        let mut out = Vec::new();
        assert!(write_response(&mut out, &response, false).is_ok());
        let text = String::from_utf8_lossy(&out);
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or_default();
        assert_eq!(body, "hi");
        for line in head.split("\r\n") {
            assert!(!line.contains('\n'), "bare newline in {line:?}");
        }
        assert!(head.ends_with("Connection: close"));
        assert!(head.contains("Content-Length: 2"));
    }

    #[test]
    fn a_held_etag_gets_an_empty_304_and_pages_are_revalidated() {
        let dir = std::env::temp_dir().join(format!("aftercare-serve-{}", std::process::id()));
        let _ = fs::create_dir_all(&dir);
        let page = dir.join("index.html");
        let wasm = dir.join("app_bg.wasm");
        assert!(fs::write(&page, "<p>hi</p>").is_ok());
        assert!(fs::write(&wasm, "wasm").is_ok());
        assert!(fs::write(dir.join("app_bg.wasm.br"), "br").is_ok());
        let header = |r: &Response, name: &str| {
            r.headers
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        let html = serve_file(&page, 200, "gzip");
        assert_eq!(header(&html, "Cache-Control"), "no-cache");
        let brotli = serve_file(&wasm, 200, "br");
        let plain = serve_file(&wasm, 200, "");
        assert_eq!(header(&brotli, "Cache-Control"), "max-age=600");
        let tag = header(&brotli, "ETag");
        assert!(tag.starts_with('"') && tag.ends_with("-br\""), "{tag}");
        assert_ne!(tag, header(&plain, "ETag"), "each encoding has its own tag");

        let again = not_modified(serve_file(&wasm, 200, "br"), &format!("W/\"x\", {tag}"));
        assert_eq!(again.status, 304);
        assert!(again.body.is_empty());
        assert_eq!(header(&again, "ETag"), tag);
        let other = not_modified(serve_file(&wasm, 200, "br"), "\"something-else\"");
        assert_eq!(other.status, 200);
        assert_eq!(other.body, b"br");
        let missing = not_modified(text(404, "Not found"), "*");
        assert_eq!(missing.status, 404, "only a 200 becomes a 304");
        let _ = fs::remove_dir_all(&dir);
    }
}
