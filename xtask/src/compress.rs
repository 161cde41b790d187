//! Precompressed copies: `name.gz` (gzip -9) and `name.br` (brotli, quality 11) next to every
//! text or WebAssembly file of the release build, for hosts that serve them with
//! `Content-Encoding` (nginx `gzip_static`/`brotli_static`, Caddy `precompressed`, Netlify,
//! and `xtask serve`). Hosts that compress on the fly (GitHub Pages) ignore them; the
//! service worker's precache leaves them out.

use std::fs;
use std::io::Write;
use std::path::Path;

/// Files worth compressing, by extension.
const COMPRESSIBLE: &[&str] = &[
    "html",
    "js",
    "css",
    "wasm",
    "svg",
    "webmanifest",
    "json",
    "txt",
];

/// Below this, compression saves less than a packet and the copies are not written.
const MIN_BYTES: usize = 512;

/// Writes the compressed copies of every file under `dir` and prints what they weigh.
///
/// # Errors
/// When a file cannot be read or written.
pub fn run(dir: &Path) -> Result<(), String> {
    let mut totals = (0usize, 0usize, 0usize, 0usize);
    compress_all(dir, &mut totals)?;
    let (files, raw, gz, br) = totals;
    println!(
        "compress: {files} files, {} KB -> {} KB gzip, {} KB brotli",
        raw.div_ceil(1024),
        gz.div_ceil(1024),
        br.div_ceil(1024)
    );
    Ok(())
}

fn compress_all(dir: &Path, totals: &mut (usize, usize, usize, usize)) -> Result<(), String> {
    for path in crate::files::under(dir)? {
        let compressible = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| COMPRESSIBLE.contains(&e));
        if !compressible {
            continue;
        }
        let bytes = fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if bytes.len() < MIN_BYTES {
            continue;
        }
        let gz = gzip(&bytes)?;
        let br = brotli(&bytes)?;
        write(&path, "gz", &gz)?;
        write(&path, "br", &br)?;
        totals.0 += 1;
        totals.1 += bytes.len();
        totals.2 += gz.len();
        totals.3 += br.len();
    }
    Ok(())
}

/// gzip at level 9.
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .map_err(|e| format!("gzip: {e}"))
}

/// brotli at quality 11, window 22 (the defaults of the `brotli` tool).
pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        size_hint: bytes.len(),
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .map_err(|e| format!("brotli: {e}"))?;
    Ok(out)
}

fn write(path: &Path, ext: &str, bytes: &[u8]) -> Result<(), String> {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(ext);
    fs::write(&name, bytes).map_err(|e| format!("cannot write {}: {e}", Path::new(&name).display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn both_encodings_round_trip() {
        let text = "Is this normal after acupuncture? ".repeat(100);
        let gz = gzip(text.as_bytes()).unwrap_or_default();
        let mut back = String::new();
        assert!(flate2::read::GzDecoder::new(&gz[..])
            .read_to_string(&mut back)
            .is_ok());
        assert_eq!(back, text);
        let br = brotli(text.as_bytes()).unwrap_or_default();
        let mut back = Vec::new();
        assert!(brotli::BrotliDecompress(&mut &br[..], &mut back).is_ok());
        assert_eq!(back, text.as_bytes());
        assert!(br.len() < text.len() / 10 && gz.len() < text.len() / 10);
    }
}
