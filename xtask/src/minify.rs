//! Minifies the site's stylesheet in place: comments go, runs of white space become one
//! space, and the space next to `{`, `}`, `;` and `,` goes. Nothing else changes: strings
//! are copied as they are, and a space that may mean something (a descendant combinator,
//! `a :hover`, `calc(1rem + 2px)`, `@media (…)`) stays. The readable source stays in
//! `style/`; the first load carries about a quarter less CSS (measured: 7.5 → 5.7 KB gzip).
//!
//! The bundles' JavaScript loaders (wasm-bindgen's generated glue, not ours to edit) lose
//! their indentation, blank lines and whole-line `//` comments ([`glue`]): the line breaks
//! stay, so no statement changes meaning (the reader's 6.3 → 5.8 KB gzip).
//!
//! Trunk's own minification is all or nothing (it also rewrites the HTML the post-build
//! reads), so this runs in the post-build instead. The stylesheet keeps its name; its
//! `integrity` attribute, computed by Trunk before minifying, is dropped from the pages (the
//! service worker checks every file's SHA-256 in any case).

use std::fs;
use std::path::Path;

/// Minifies every top-level `.css` file of `dir` (Trunk writes the stylesheet there) and
/// every bundle's loader (`<bundle>-<hash>.js`; the service worker, `sw.js`, stays as written).
///
/// # Errors
/// When the folder or a file cannot be read or written.
pub fn run(dir: &Path) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let minify: fn(&str) -> String = match path.extension().and_then(|e| e.to_str()) {
            Some("css") => css,
            Some("js")
                if path
                    .file_stem()
                    .is_some_and(|s| s.to_string_lossy().contains('-')) =>
            {
                glue
            }
            _ => continue,
        };
        {
            let text = fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let small = minify(&text);
            if small != text {
                fs::write(&path, small)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            }
        }
    }
    Ok(())
}

/// The page with the `integrity` attribute of its stylesheet links removed (the stylesheet
/// changes after Trunk computed it).
#[must_use]
pub fn drop_stylesheet_integrity(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<link rel=\"stylesheet\"") {
        let (before, tag_on) = rest.split_at(at);
        out.push_str(before);
        let end = tag_on.find('>').map_or(tag_on.len(), |e| e + 1);
        let (tag, after) = tag_on.split_at(end);
        out.push_str(&without_attribute(tag, " integrity=\""));
        rest = after;
    }
    out.push_str(rest);
    out
}

/// `tag` without the attribute that starts with `start` (up to its closing quote).
fn without_attribute(tag: &str, start: &str) -> String {
    match tag.find(start) {
        Some(from) => {
            let value = from + start.len();
            let to = tag[value..].find('"').map_or(tag.len(), |q| value + q + 1);
            format!("{}{}", &tag[..from], &tag[to..])
        }
        None => tag.to_owned(),
    }
}

/// A bundle's loader without indentation, blank lines or whole-line `//` comments. A loader
/// with a line that opens or closes a template literal (an odd number of backticks) or goes on
/// inside a string (a line ending in `\`), whose next lines may be text, is left as it is.
/// Idempotent.
#[must_use]
pub fn glue(text: &str) -> String {
    if text
        .lines()
        .any(|l| l.matches('`').count() % 2 == 1 || l.ends_with('\\'))
    {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if line.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The minified stylesheet. Idempotent: minifying its own output changes nothing.
#[must_use]
pub fn css(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    let mut chars = text.chars().peekable();
    // Whether a space may go before the next character: not at the start, and not after
    // punctuation that needs none.
    let wants_space = |out: &String| !out.is_empty() && !out.ends_with(['{', '}', ';', ',']);
    while let Some(c) = chars.next() {
        match c {
            '"' | '\'' => {
                if space && wants_space(&out) {
                    out.push(' ');
                }
                space = false;
                out.push(c);
                while let Some(d) = chars.next() {
                    out.push(d);
                    if d == '\\' {
                        if let Some(escaped) = chars.next() {
                            out.push(escaped);
                        }
                    } else if d == c {
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            '{' | '}' | ';' | ',' => {
                out.push(c);
                space = false;
            }
            _ => {
                if space && wants_space(&out) {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_loader_loses_indentation_blank_lines_and_line_comments_only() {
        let js = "function f(a) {\n    // Cast intrinsic for `F64`.\n    const s = `${a} // kept`;\n\n    return s; // kept too\n}\n";
        let small = glue(js);
        assert_eq!(
            small,
            "function f(a) {\nconst s = `${a} // kept`;\nreturn s; // kept too\n}\n"
        );
        assert_eq!(glue(&small), small, "idempotent");
        // Lines that may be inside a template literal or a continued string: left alone.
        let literal = "const t = `a\n    b`;\n";
        assert_eq!(glue(literal), literal);
        let continued = "const s = 'a\\\n    b';\n";
        assert_eq!(glue(continued), continued);
    }

    #[track_caller]
    fn check(input: &str, expected: &str) {
        let once = css(input);
        assert_eq!(once, expected);
        assert_eq!(css(&once), once, "idempotent");
    }

    #[test]
    fn comments_and_white_space_go_meaningful_spaces_stay() {
        check(
            "/* a */\n.a ,\n.b {\n  color : red ;\n}\n",
            ".a,.b{color : red;}",
        );
        check("a :hover{x:y}", "a :hover{x:y}");
        check(
            ".x { width: calc(1rem + 2px); }",
            ".x{width: calc(1rem + 2px);}",
        );
        check(
            "@media (prefers-color-scheme: dark) { a { b: c } }",
            "@media (prefers-color-scheme: dark){a{b: c}}",
        );
        check("main > p  +  p{}", "main > p + p{}");
    }

    #[test]
    fn strings_are_copied_as_they_are() {
        check(
            "a::after { content: \"  /* not a comment */  \" ; }",
            "a::after{content: \"  /* not a comment */  \";}",
        );
        check("a{content:'it\\'s  x'}", "a{content:'it\\'s  x'}");
    }

    #[test]
    fn the_real_stylesheet_shrinks_and_keeps_every_rule() {
        let source = include_str!("../../style/main.css");
        let small = css(source);
        assert!(
            small.len() * 10 < source.len() * 9,
            "{} of {}",
            small.len(),
            source.len()
        );
        assert_eq!(small.matches('{').count(), source.matches('{').count());
        assert_eq!(css(&small), small);
    }

    #[test]
    fn stylesheet_integrity_is_dropped_and_nothing_else() {
        let page = "<link rel=\"stylesheet\" href=\"./main-1.css\" integrity=\"sha384-abc\"/><link rel=\"icon\" href=\"i.svg\">";
        assert_eq!(
            drop_stylesheet_integrity(page),
            "<link rel=\"stylesheet\" href=\"./main-1.css\"/><link rel=\"icon\" href=\"i.svg\">"
        );
        assert_eq!(
            drop_stylesheet_integrity(page),
            drop_stylesheet_integrity(&drop_stylesheet_integrity(page))
        );
    }
}
