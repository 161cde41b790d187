//! Aftercare's host-side build tool. Nothing here ships to users.
//!
//! - `xtask postbuild [DIR]`: run by Trunk's `post_build` hook on its staging folder (or on
//!   `dist/`): builds the bundles Trunk does not (`bundles`), writes one `index.html` per
//!   route (static pages prerendered; each page loads its own bundle) and the `404.html`
//!   fallback, the PWA files, and precompressed copies.
//! - `xtask serve [--dir D] [--port P] [--prefix /sub/] [--log]`: a small static file server
//!   that behaves like GitHub Pages (folder index, redirect to the trailing slash, `404.html`
//!   fallback, correct `.wasm` MIME type, precompressed `.br`/`.gz` files).
//! - `xtask routes`: the route table as JSON, for the browser tests.

mod bundles;
mod compress;
mod files;
mod imports;
mod minify;
mod postbuild;
mod pwa;
mod routes;
mod serve;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("postbuild") => postbuild::run(&args[1..]),
        Some("serve") => serve::run(&args[1..]),
        Some("routes") => {
            routes::run();
            Ok(())
        }
        _ => Err("usage: xtask postbuild [DIR] | xtask serve [--dir D] [--port P] [--prefix /sub/] [--log] | xtask routes".to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
