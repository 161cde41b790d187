//! The reader bundle: the shell with the pages `aftercare_shell::READER` names.
fn main() {
    aftercare_shell::start(aftercare_shell::READER);
}
