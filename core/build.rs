//! Compiles the human-editable content files in `../content/` into static Rust data, so the
//! app ships no parser and does no work at start-up. Each generator owns one output file in
//! `OUT_DIR` and fails the build with a message naming the file and the fault.
use std::path::PathBuf;

#[path = "src/clinic/check.rs"]
mod clinic_check;
#[path = "build/clinic_gen.rs"]
mod clinic_gen;
#[path = "build/content_gen.rs"]
mod content_gen;
#[path = "build/redflag_gen.rs"]
mod redflag_gen;
#[path = "build/search_gen.rs"]
mod search_gen;
#[path = "build/triage_gen.rs"]
mod triage_gen;

fn main() {
    content_gen::run();
    triage_gen::run();
    search_gen::run();
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    redflag_gen::run(&manifest.join("..").join("content"), &out_dir);
    clinic_gen::run(&manifest.join(".."), &out_dir);
}
