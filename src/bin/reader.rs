//! The reader bundle: the shell with the pages `aftercare::bundles::READER` names.
fn main() {
    aftercare::start(aftercare::bundles::READER);
}
