//! The journal bundle: the shell with the pages `aftercare_shell::JOURNAL` names.
fn main() {
    aftercare_shell::start(aftercare_shell::JOURNAL);
}
