//! The Content-Security-Policy written into every HTML page as a `<meta>` tag.
//!
//! The policy allows only the site's own origin. Trunk loads the app with an inline
//! `<script type="module">`; rather than `'unsafe-inline'`, the policy lists the SHA-256 of
//! each inline script (and inline style, should a page ever carry one) found in that page, so
//! the loader runs and nothing injected does. `'wasm-unsafe-eval'` lets WebAssembly compile
//! without allowing JavaScript `eval`. `frame-ancestors`, `report-uri` and `sandbox` are
//! ignored in a `<meta>` policy (browsers log an error), so they are absent here: a host that
//! can send headers should add `frame-ancestors 'none'` (see README).

use super::sha256;

/// The directives every page gets; `script-src` and `style-src` gain the page's hashes.
const DIRECTIVES: &[(&str, &str)] = &[
    ("default-src", "'self'"),
    // The app's JS glue and the wasm come from the site itself.
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    // One stylesheet, linked. No style attributes: dynamic styles go through CSSOM.
    ("style-src", "'self'"),
    // Journal exports are blob: URLs; data: for small inline images should one be added.
    ("img-src", "'self' data: blob:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("manifest-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
];

/// The policy for a page whose inline scripts and styles have the given contents.
pub fn policy(scripts: &[&str], styles: &[&str]) -> String {
    let mut out = Vec::with_capacity(DIRECTIVES.len());
    for (name, sources) in DIRECTIVES {
        let extra = match *name {
            "script-src" => hash_sources(scripts),
            "style-src" => hash_sources(styles),
            _ => String::new(),
        };
        out.push(format!("{name} {sources}{extra}"));
    }
    out.join("; ")
}

/// `" 'sha256-…'"` for each distinct block, in order.
fn hash_sources(blocks: &[&str]) -> String {
    let mut seen = Vec::new();
    for block in blocks {
        // Browsers hash the element's text after the HTML parser has turned CRLF into LF.
        let text = block.replace("\r\n", "\n");
        let source = format!(" 'sha256-{}'", sha256::base64(text.as_bytes()));
        if !seen.contains(&source) {
            seen.push(source);
        }
    }
    seen.concat()
}

/// The page with its policy `<meta>` tag as the first element after `<meta charset>` (before
/// `<base>`, so `base-uri` applies to it), replacing a tag from an earlier run.
///
/// # Errors
/// When the page has no `<head>` to put the tag in.
pub fn apply(html: &str) -> Result<String, String> {
    let html = remove_existing(html);
    let scripts = inline_blocks(&html, "script");
    let styles = inline_blocks(&html, "style");
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        policy(&scripts, &styles)
    );
    let at = insertion_point(&html).ok_or("page has no <head>")?;
    let (before, after) = html.split_at(at);
    let indent = if after.starts_with('\n') { "\n  " } else { "" };
    Ok(format!("{before}{indent}{meta}{after}"))
}

/// Markup that a strict policy blocks at run time (inline event handlers, `style`
/// attributes, `javascript:` links): worth a build warning, since the page would still build.
pub fn blocked_markup(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut found = Vec::new();
    for (needle, name) in [
        (" style=\"", "style="),
        (" style='", "style="),
        ("javascript:", "javascript:"),
    ] {
        if lower.contains(needle) && !found.iter().any(|f| f == name) {
            found.push(name.to_owned());
        }
    }
    let bytes = lower.as_bytes();
    for (i, _) in lower.match_indices(" on") {
        let name: String = lower[i + 1..]
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect();
        if name.len() > 2 && bytes.get(i + 1 + name.len()) == Some(&b'=') {
            found.push(format!("{name}="));
        }
    }
    found
}

/// After `<meta charset…>` when there is one, else right after `<head…>`.
fn insertion_point(html: &str) -> Option<usize> {
    let lower = html.to_ascii_lowercase();
    let head = lower.find("<head")?;
    let head_end = head + lower[head..].find('>')? + 1;
    match lower[head_end..].find("<meta charset") {
        Some(i) => {
            let start = head_end + i;
            Some(start + lower[start..].find('>')? + 1)
        }
        None => Some(head_end),
    }
}

/// The text of every `<tag>` element that has no `src` attribute.
fn inline_blocks<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
    let lower = html.to_ascii_lowercase();
    let open = format!("<{tag}");
    let close = format!("</{tag}");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = lower[from..].find(&open) {
        let start = from + i;
        let after_name = start + open.len();
        // `<scripts>` or `<style-x>` are other elements.
        if !lower[after_name..].starts_with(|c: char| c == '>' || c.is_ascii_whitespace()) {
            from = after_name;
            continue;
        }
        let Some(tag_end) = lower[start..].find('>').map(|j| start + j + 1) else {
            break;
        };
        let Some(body_end) = lower[tag_end..].find(&close).map(|j| tag_end + j) else {
            break;
        };
        let attributes = &lower[after_name..tag_end];
        if !attributes.contains("src=") {
            out.push(&html[tag_end..body_end]);
        }
        from = body_end;
    }
    out
}

/// The page without any Content-Security-Policy `<meta>` tag (and its indentation).
fn remove_existing(html: &str) -> String {
    let mut html = html.to_owned();
    while let Some(start) = html
        .to_ascii_lowercase()
        .find("<meta http-equiv=\"content-security-policy\"")
    {
        let Some(end) = html[start..].find('>').map(|j| start + j + 1) else {
            break;
        };
        let trimmed = html[..start].trim_end_matches([' ', '\t']);
        let start = if trimmed.ends_with('\n') {
            trimmed.len() - 1
        } else {
            start
        };
        html.replace_range(start..end, "");
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!DOCTYPE html>\n<html>\n<head>\n  <meta charset=\"utf-8\">\n  <base href=\"./\">\n<script type=\"module\">\nimport init from './app.js';\n</script>\n<script src=\"x.js\"></script>\n</head>\n<body></body>\n</html>\n";

    #[track_caller]
    fn check(html: &str, expected_scripts: &[&str]) {
        assert_eq!(inline_blocks(html, "script"), expected_scripts);
    }

    #[test]
    fn inline_scripts_are_found_and_external_ones_skipped() {
        check(PAGE, &["\nimport init from './app.js';\n"]);
        check("<SCRIPT>a</SCRIPT><script src=b></script>", &["a"]);
        check(
            "<scripts>no</scripts><script\ntype=module>yes</script>",
            &["yes"],
        );
        check("<script>unterminated", &[]);
    }

    #[test]
    fn the_meta_tag_comes_first_and_hashes_the_loader() {
        let html = apply(PAGE).unwrap_or_default();
        let meta = html.find("Content-Security-Policy").unwrap_or(usize::MAX);
        assert!(meta < html.find("<base").unwrap_or(0), "before <base>");
        assert!(
            meta > html.find("<meta charset").unwrap_or(usize::MAX),
            "after charset"
        );
        // The loader's SHA-256, worked out apart from this code (Python's hashlib).
        let expected = "kzmw4JMlqNh2tGo5WgSAuDb0wqAjpVV+MtNE3BDA46o=";
        assert!(html.contains(&format!(
            "script-src 'self' 'wasm-unsafe-eval' 'sha256-{expected}'"
        )));
        assert!(!html.contains("unsafe-inline"));
        assert!(html.contains("object-src 'none'; base-uri 'self'; form-action 'self'"));
    }

    #[test]
    fn running_twice_replaces_the_tag() {
        // Regression: a second post-build over the same folder must not stack policies.
        let once = apply(PAGE).unwrap_or_default();
        let twice = apply(&once).unwrap_or_default();
        assert_eq!(once, twice);
        assert_eq!(twice.matches("Content-Security-Policy").count(), 1);
    }

    #[test]
    fn crlf_is_hashed_as_the_parser_sees_it() {
        assert_eq!(hash_sources(&["a\r\nb"]), hash_sources(&["a\nb"]));
        assert_eq!(hash_sources(&["a", "a"]).matches("sha256").count(), 1);
    }

    #[test]
    fn a_page_without_head_is_an_error() {
        assert!(apply("<p>hi</p>").is_err());
    }

    #[test]
    fn markup_a_strict_policy_blocks_is_reported() {
        assert_eq!(
            blocked_markup("<a onclick=\"x()\" style=\"color:red\">"),
            ["style=", "onclick="]
        );
        assert!(blocked_markup(PAGE).is_empty());
        assert!(blocked_markup("<p>Go on=now, once</p>").is_empty());
    }
}
