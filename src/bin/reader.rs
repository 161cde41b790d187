//! Entry point of the reader bundle (built without the `full` feature): the static pages,
//! their navigation and the header, upgrading to the whole app when someone starts a search.
fn main() {
    aftercare::start();
}
