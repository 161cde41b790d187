//! Why and how to install Aftercare on a phone: one writer for the About page's section and
//! the one-time note the journal shows after a person's first entry, so both say the same.
//!
//! Installing matters for the journal because it lives only in the browser's storage:
//! browsers may clear a site's storage when space runs low, and Safari may delete the
//! storage a site's scripts wrote once the site has gone 7 days without a visit, unless it
//! was added to the Home Screen (the "7-Day Cap on All Script-Writeable Storage" of
//! Safari's engine).
//! Safari never offers an install prompt, so the steps are spelled out.

use crate::html::Html;

use super::care::OWN_GUIDANCE;

/// The heading of the install help (the About section's `<h2>`, the note's title).
pub const INSTALL_TITLE: &str = "Keep your journal safer: install Aftercare";

/// Where the 7-day rule comes from.
const SEVEN_DAY_SOURCE: &str = "Source for Safari’s 7-day rule: WebKit blog, “Full Third-Party \
     Cookie Blocking and More”, March 2020.";

/// The install help without its heading: why, then the steps for iPhone, Android and a
/// computer, with the 7-day rule's source and the rest labelled as the app's own guidance.
#[must_use]
pub fn install_help_inner() -> String {
    install_help().into_string()
}

/// [`install_help_inner`] as a fragment.
fn install_help() -> Html {
    let mut h = Html::new();
    h.leaf(
        "p",
        &[],
        "Your journal is kept only in this browser on this device. Browsers can clear a \
         site’s data when space runs low, and Safari may delete it after 7 days without a \
         visit unless the site is on your Home Screen. Installing Aftercare (adding it to \
         your Home Screen) keeps your journal safer from these clean-ups. Exporting a copy \
         now and then still matters: nothing protects a lost phone.",
    )
    .open("ul", &[("class", "install-steps")])
    .open("li", &[])
    .leaf("strong", &[], "iPhone or iPad (Safari):")
    .text(" tap Share, then “Add to Home Screen”. Safari never shows an install prompt of its own.")
    .close("li")
    .open("li", &[])
    .leaf("strong", &[], "Android (Chrome):")
    .text(
        " tap Install when your browser offers it, or open the browser’s menu (⋮) and \
         choose “Install app” or “Add to Home screen”.",
    )
    .close("li")
    .open("li", &[])
    .leaf("strong", &[], "Computer (Chrome or Edge):")
    .text(" use the install button in the address bar, or the menu’s Install option.")
    .close("li")
    .close("ul")
    .open("p", &[("class", "install-sources")])
    .text(SEVEN_DAY_SOURCE)
    .text(" The rest: ")
    .leaf("span", &[("class", "own-guidance")], OWN_GUIDANCE)
    .text(".")
    .close("p");
    h
}

/// The About page's section: the heading and [`install_help_inner`].
pub(super) fn install_section(h: &mut Html) {
    h.open("section", &[("aria-labelledby", "install-title")])
        .leaf("h2", &[("id", "install-title")], INSTALL_TITLE)
        .push(&install_help())
        .close("section");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_help_names_the_iphone_steps_and_labels_its_guidance() {
        let html = install_help_inner();
        assert!(html.contains("tap Share, then “Add to Home Screen”"));
        assert!(html.contains("never shows an install prompt"));
        assert!(html.contains("7 days"));
        assert!(html.contains(SEVEN_DAY_SOURCE));
        assert!(html.contains(OWN_GUIDANCE));
    }
}
