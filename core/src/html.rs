//! A tiny HTML writer: elements, attributes and text, always escaped.
//!
//! The static pages (`crate::pages`) are written with it once, and the same string is used
//! twice: the build prerenders it into each page's `index.html`, and the app sets it as the
//! page's inner HTML. So the markup that paints before the WebAssembly arrives and the markup
//! the app shows are the same by construction.

/// An HTML fragment being written.
#[derive(Debug, Default)]
pub struct Html(String);

/// Elements that have no end tag.
const VOID: &[&str] = &["br", "hr", "img", "input", "link", "meta"];

impl Html {
    /// An empty fragment.
    #[must_use]
    pub fn new() -> Html {
        Html(String::with_capacity(4096))
    }

    /// Writes a start tag with its attributes (values escaped).
    pub fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Html {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            escape_into(&mut self.0, value);
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    /// Writes an end tag (nothing for void elements).
    pub fn close(&mut self, tag: &str) -> &mut Html {
        if !VOID.contains(&tag) {
            self.0.push_str("</");
            self.0.push_str(tag);
            self.0.push('>');
        }
        self
    }

    /// Writes text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Html {
        escape_into(&mut self.0, text);
        self
    }

    /// Writes a whole element holding only text.
    pub fn leaf(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) -> &mut Html {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// Appends a fragment written elsewhere.
    pub fn push(&mut self, fragment: &Html) -> &mut Html {
        self.0.push_str(&fragment.0);
        self
    }

    /// Appends markup written elsewhere, as it is (it must already be escaped).
    pub fn raw(&mut self, markup: &str) -> &mut Html {
        self.0.push_str(markup);
        self
    }

    /// The markup written so far.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The finished markup.
    #[must_use]
    pub fn into_string(self) -> String {
        self.0
    }
}

/// Escapes text for element content and double-quoted attribute values alike.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut h = Html::new();
        h.open("a", &[("href", "x?a=1&b=\"2\"")])
            .text("<script>&")
            .close("a");
        assert_eq!(
            h.as_str(),
            "<a href=\"x?a=1&amp;b=&quot;2&quot;\">&lt;script&gt;&amp;</a>"
        );
    }

    #[test]
    fn void_elements_have_no_end_tag() {
        let mut h = Html::new();
        h.open("input", &[("type", "search")]).close("input");
        assert_eq!(h.into_string(), "<input type=\"search\">");
    }
}
