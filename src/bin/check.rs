//! The check bundle: the shell with the pages `aftercare::bundles::CHECK` names.
fn main() {
    aftercare::start(aftercare::bundles::CHECK);
}
