//! The app's notes in the status region at the bottom of the window (`STATUS_CLASS`): a new
//! version ready, offline, an offer to install. The app decides which show; this writes each
//! one, with its buttons named by `ACTION_ATTR` for the app's one click listener.

use crate::html::Html;

/// The attribute that names what a note's button does (the app's click listener reads it).
pub const ACTION_ATTR: &str = "data-action";
/// The attribute that names a note (the app finds a shown note by it).
pub const NOTE_ATTR: &str = "data-note";

/// A note of the status region, in the order they stack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusNote {
    /// A newer version is installed and waits for the person's go-ahead: Reload.
    Update,
    /// The connection is gone (`ready`: a service worker runs the page, so it all still
    /// works): Hide.
    Offline {
        /// Whether every page works offline.
        ready: bool,
    },
    /// The browser offers to install the app: Install, Not now.
    Install,
}

impl StatusNote {
    /// The note's name (its `NOTE_ATTR`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            StatusNote::Update => "update",
            StatusNote::Offline { .. } => "offline",
            StatusNote::Install => "install",
        }
    }

    /// What the note says.
    #[must_use]
    pub fn text(self) -> &'static str {
        match self {
            StatusNote::Update => "A new version is ready.",
            StatusNote::Offline { ready: true } => "You’re offline. Aftercare still works.",
            StatusNote::Offline { ready: false } => "You’re offline.",
            StatusNote::Install => "Add Aftercare to this device as an app.",
        }
    }

    /// The note as HTML: `<p class="pwa-note">` with its words and buttons.
    #[must_use]
    pub fn html(self) -> String {
        let class = match self {
            StatusNote::Offline { .. } => "pwa-note pwa-offline",
            _ => "pwa-note",
        };
        let buttons: &[(&str, &str, &str)] = match self {
            StatusNote::Update => &[("reload", "", "Reload")],
            StatusNote::Offline { .. } => &[("hide-offline", "pwa-quiet", "Hide")],
            StatusNote::Install => &[
                ("install", "", "Install"),
                ("not-now", "pwa-quiet", "Not now"),
            ],
        };
        let mut h = Html::new();
        h.open("p", &[("class", class), (NOTE_ATTR, self.name())])
            .leaf("span", &[], self.text());
        for &(action, class, label) in buttons {
            let mut attrs = vec![("type", "button"), (ACTION_ATTR, action)];
            if !class.is_empty() {
                attrs.push(("class", class));
            }
            h.leaf("button", &attrs, label);
        }
        h.close("p");
        h.into_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_note_says_what_it_is_and_names_its_buttons() {
        let update = StatusNote::Update.html();
        assert!(update.starts_with(r#"<p class="pwa-note" data-note="update">"#));
        assert!(update.contains(r#"<button type="button" data-action="reload">Reload</button>"#));
        let offline = StatusNote::Offline { ready: true }.html();
        assert!(offline.contains("pwa-offline"));
        assert!(offline.contains("Aftercare still works."));
        assert!(!StatusNote::Offline { ready: false }
            .html()
            .contains("still works"));
        let install = StatusNote::Install.html();
        assert!(install.contains(r#"data-action="install">Install<"#));
        assert!(install.contains(r#"class="pwa-quiet">Not now<"#));
    }
}
