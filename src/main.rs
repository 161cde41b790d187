//! Entry point: mounts the app. Everything else lives in the library.
fn main() {
    aftercare::start();
}
