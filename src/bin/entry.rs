//! The entry bundle: the shell with the pages `aftercare::bundles::ENTRY` names.
fn main() {
    aftercare::start(aftercare::bundles::ENTRY);
}
