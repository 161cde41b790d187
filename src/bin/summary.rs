//! The summary bundle: the shell with the pages `aftercare::bundles::SUMMARY` names.
fn main() {
    aftercare::start(aftercare::bundles::SUMMARY);
}
