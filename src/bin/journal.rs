//! The journal bundle: the shell with the pages `aftercare::bundles::JOURNAL` names.
fn main() {
    aftercare::start(aftercare::bundles::JOURNAL);
}
