//! PNG for the app icons, 8-bit RGBA only: `encode` writes the committed icons (the
//! regenerating test is its one caller), `decode` reads them back so the build can check them
//! against `icon.svg` pixel by pixel.
//!
//! The chunk CRCs are `crc32fast`'s and the zlib data `flate2`'s (`miniz_oxide`, at a fixed
//! level), both already in the build tool. With `Cargo.lock` pinning their versions the output
//! is byte-for-byte the same from run to run; a newer `miniz_oxide` may compress differently,
//! which is why the build compares decoded pixels, not file bytes.

use flate2::read::ZlibDecoder;
use std::io::Read as _;

const SIGNATURE: &[u8; 8] = b"\x89PNG\r\n\x1a\n";

/// 8 bits per channel, colour type 6 (RGBA), deflate, adaptive filters, no interlace: the
/// IHDR fields after width and height.
const FORMAT: [u8; 5] = [8, 6, 0, 0, 0];

/// Encodes `width × height` RGBA pixels (row by row, 4 bytes each) as a PNG file.
///
/// # Errors
/// Never in practice: the zlib encoder only writes into memory.
#[cfg(test)]
pub fn encode(width: u32, height: u32, rgba: &[u8]) -> Result<Vec<u8>, String> {
    use flate2::{write::ZlibEncoder, Compression};
    use std::io::Write as _;

    let stride = width as usize * 4;
    let mut raw = Vec::with_capacity((stride + 1) * height as usize);
    let mut previous = vec![0u8; stride];
    for row in rgba.chunks(stride).take(height as usize) {
        let (filter, line) = best_filter(row, &previous);
        raw.push(filter);
        raw.extend_from_slice(&line);
        previous.clear();
        previous.extend_from_slice(row);
    }
    let mut zlib = ZlibEncoder::new(Vec::new(), Compression::best());
    zlib.write_all(&raw).map_err(|e| format!("png: {e}"))?;
    let data = zlib.finish().map_err(|e| format!("png: {e}"))?;

    let mut png = SIGNATURE.to_vec();
    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    header.extend_from_slice(&FORMAT);
    chunk(&mut png, *b"IHDR", &header);
    chunk(&mut png, *b"IDAT", &data);
    chunk(&mut png, *b"IEND", &[]);
    Ok(png)
}

/// Decodes a PNG as `encode` writes it: returns width, height and RGBA pixels.
///
/// Any row filter is accepted; anything else (another colour type or depth, interlacing,
/// other chunks, which could carry a colour profile or gamma) is refused rather than ignored.
///
/// # Errors
/// When the file is not such a PNG, is truncated, or a chunk's CRC is wrong.
pub fn decode(png: &[u8]) -> Result<(u32, u32, Vec<u8>), String> {
    let mut rest = png.strip_prefix(SIGNATURE).ok_or("png: no PNG signature")?;
    let mut size = None;
    let mut data = Vec::new();
    loop {
        let (kind, body, after) = next_chunk(rest)?;
        rest = after;
        match (&kind, size) {
            (b"IHDR", None) => {
                if body.len() != 13 || body[8..] != FORMAT {
                    return Err("png: not 8-bit RGBA without interlacing".to_owned());
                }
                let field =
                    |i: usize| u32::from_be_bytes([body[i], body[i + 1], body[i + 2], body[i + 3]]);
                size = Some((field(0), field(4)));
            }
            (b"IDAT", Some(_)) => data.extend_from_slice(body),
            (b"IEND", Some((width, height))) if rest.is_empty() => {
                let pixels = unfilter(width, height, &inflate(&data)?)?;
                return Ok((width, height, pixels));
            }
            _ => {
                return Err(format!(
                    "png: unexpected {} chunk",
                    String::from_utf8_lossy(&kind)
                ))
            }
        }
    }
}

/// A chunk's type and data, and the bytes that follow it.
type Split<'a> = ([u8; 4], &'a [u8], &'a [u8]);

/// Splits off the first chunk, its CRC checked.
fn next_chunk(png: &[u8]) -> Result<Split<'_>, String> {
    let truncated = || "png: truncated chunk".to_owned();
    let (len, rest) = png.split_first_chunk::<4>().ok_or_else(truncated)?;
    let len = u32::from_be_bytes(*len) as usize;
    let (kind, rest) = rest.split_first_chunk::<4>().ok_or_else(truncated)?;
    if rest.len() < len {
        return Err(truncated());
    }
    let (body, rest) = rest.split_at(len);
    let (crc, rest) = rest.split_first_chunk::<4>().ok_or_else(truncated)?;
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(kind);
    hasher.update(body);
    if hasher.finalize() != u32::from_be_bytes(*crc) {
        return Err(format!(
            "png: {} chunk has a wrong CRC",
            String::from_utf8_lossy(kind)
        ));
    }
    Ok((*kind, body, rest))
}

fn inflate(zlib: &[u8]) -> Result<Vec<u8>, String> {
    let mut raw = Vec::new();
    ZlibDecoder::new(zlib)
        .read_to_end(&mut raw)
        .map_err(|e| format!("png: image data: {e}"))?;
    Ok(raw)
}

/// Undoes the per-row filters of `raw` (each row: a filter byte, then the filtered bytes).
fn unfilter(width: u32, height: u32, raw: &[u8]) -> Result<Vec<u8>, String> {
    let stride = width as usize * 4;
    if raw.len() as u64 != (stride as u64 + 1) * u64::from(height) {
        return Err("png: image data does not fit the size".to_owned());
    }
    let mut pixels: Vec<u8> = Vec::with_capacity(stride * height as usize);
    let mut previous = vec![0u8; stride];
    for line in raw.chunks_exact(stride + 1) {
        let filter = line[0];
        if filter > 4 {
            return Err(format!("png: unknown row filter {filter}"));
        }
        let mut row = vec![0u8; stride];
        for i in 0..stride {
            let a = if i >= 4 { row[i - 4] } else { 0 };
            let c = if i >= 4 { previous[i - 4] } else { 0 };
            row[i] = line[i + 1].wrapping_add(predict(filter, a, previous[i], c));
        }
        pixels.extend_from_slice(&row);
        previous = row;
    }
    Ok(pixels)
}

/// The filters tried on each row: Sub and Up. On flat-coloured icons the others (None,
/// Average, Paeth) only make the files larger (the four icons: 34.7 KB with all five, 31.8 KB
/// with these; flate2's level 10 would save another 0.2 KB).
#[cfg(test)]
const FILTERS: [u8; 2] = [1, 2];

/// The filter whose output has the smallest sum of absolute values, the usual heuristic for
/// picking one per row.
#[cfg(test)]
fn best_filter(row: &[u8], up: &[u8]) -> (u8, Vec<u8>) {
    let mut best: Option<(u64, u8, Vec<u8>)> = None;
    for filter in FILTERS {
        let line: Vec<u8> = (0..row.len())
            .map(|i| {
                let a = if i >= 4 { row[i - 4] } else { 0 };
                let c = if i >= 4 { up[i - 4] } else { 0 };
                row[i].wrapping_sub(predict(filter, a, up[i], c))
            })
            .collect();
        let cost = line
            .iter()
            // The byte read as signed, made positive: distance from zero either way round.
            .map(|&v| u64::from(v.min(v.wrapping_neg())))
            .sum();
        if best.as_ref().is_none_or(|(c, _, _)| cost < *c) {
            best = Some((cost, filter, line));
        }
    }
    best.map_or((0, row.to_vec()), |(_, f, line)| (f, line))
}

/// What a filter predicts a byte to be from its left (`a`), upper (`b`) and upper-left (`c`)
/// neighbours, the same byte of the pixel before.
fn predict(filter: u8, a: u8, b: u8, c: u8) -> u8 {
    match filter {
        0 => 0,
        1 => a,
        2 => b,
        // floor((a + b) / 2) without leaving u8.
        3 => (a >> 1) + (b >> 1) + (a & b & 1),
        _ => paeth(a, b, c),
    }
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = (
        (p - i16::from(a)).abs(),
        (p - i16::from(b)).abs(),
        (p - i16::from(c)).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

#[cfg(test)]
fn chunk(png: &mut Vec<u8>, kind: [u8; 4], data: &[u8]) {
    // An icon's data is far below PNG's 2^31-byte chunk limit.
    let len = u32::try_from(data.len()).unwrap_or(u32::MAX);
    png.extend_from_slice(&len.to_be_bytes());
    let start = png.len();
    png.extend_from_slice(&kind);
    png.extend_from_slice(data);
    let crc = crc32fast::hash(&png[start..]);
    png.extend_from_slice(&crc.to_be_bytes());
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::cast_possible_truncation)]
    use super::*;
    use flate2::{write::ZlibEncoder, Compression};
    use std::io::Write as _;

    /// `width × height` pixels: flat areas, a gradient and noise, so both row filters and
    /// both literals and long matches occur.
    fn image(width: u32, height: u32) -> Vec<u8> {
        let mut x = 12_345u32;
        let mut rgba = Vec::new();
        for py in 0..height {
            for px in 0..width {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                rgba.extend_from_slice(&match (px * 3 / width, py % 7) {
                    (0, _) => [16, 32, 48, 255],
                    (1, 0) => [(x >> 16) as u8, (x >> 8) as u8, x as u8, (x >> 24) as u8],
                    _ => [px as u8, py as u8, (px + py) as u8, 200],
                });
            }
        }
        rgba
    }

    /// The data of the first chunk of type `kind`.
    fn chunk_data(png: &[u8], kind: [u8; 4]) -> &[u8] {
        let mut rest = &png[8..];
        loop {
            let (k, body, after) = next_chunk(rest).unwrap();
            if k == kind {
                return body;
            }
            rest = after;
        }
    }

    #[test]
    fn encoding_twice_gives_identical_bytes() {
        let rgba = image(64, 48);
        assert_eq!(encode(64, 48, &rgba), encode(64, 48, &rgba));
    }

    #[test]
    fn a_png_has_its_signature_header_checksums_and_end() {
        let png = encode(2, 1, &[255, 0, 0, 255, 0, 0, 255, 128]).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(&png[8..16], b"\0\0\0\x0dIHDR");
        assert_eq!(&png[16..29], [0, 0, 0, 2, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
        // The CRC covers the chunk's type and data, not its length.
        assert_eq!(
            png[29..33],
            crc32fast::hash(&png[12..29]).to_be_bytes(),
            "IHDR's CRC"
        );
        // IEND as the PNG specification prints it.
        assert_eq!(
            &png[png.len() - 12..],
            [0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xae, 0x42, 0x60, 0x82]
        );
    }

    #[test]
    fn the_image_data_inflates_to_the_filtered_rows() {
        // Row 0 is cheapest as Sub (the 2nd pixel is the 1st + 40 in every channel), row 1
        // as Up (it differs from row 0 in one byte).
        let rgba = [
            10, 20, 30, 40, 50, 60, 70, 80, //
            10, 20, 30, 40, 50, 60, 70, 81,
        ];
        let png = encode(2, 2, &rgba).unwrap();
        assert_eq!(
            inflate(chunk_data(&png, *b"IDAT")).unwrap(),
            [
                1, 10, 20, 30, 40, 40, 40, 40, 40, //
                2, 0, 0, 0, 0, 0, 0, 0, 1,
            ]
        );
    }

    #[test]
    fn decoding_gives_back_the_pixels() {
        for (width, height) in [(1, 1), (2, 1), (37, 23), (64, 48)] {
            let rgba = image(width, height);
            let png = encode(width, height, &rgba).unwrap();
            assert_eq!(
                decode(&png).unwrap(),
                (width, height, rgba),
                "{width}×{height}"
            );
        }
    }

    #[test]
    fn decoding_undoes_every_row_filter() {
        // Filters None, Average and Paeth (whose three outcomes all occur in the last row's
        // second pixel), which the encoder never writes but another encoder may. The pixels
        // were worked out apart from this code, by a Python transcription of the PNG spec.
        let raw = [
            0, 200, 10, 30, 255, 5, 250, 128, 0, //
            3, 7, 3, 250, 1, 100, 20, 9, 255, //
            4, 197, 215, 20, 132, 248, 207, 155, 244,
        ];
        let mut zlib = ZlibEncoder::new(Vec::new(), Compression::fast());
        zlib.write_all(&raw).unwrap();
        let mut png = SIGNATURE.to_vec();
        chunk(&mut png, *b"IHDR", &[0, 0, 0, 2, 0, 0, 0, 3, 8, 6, 0, 0, 0]);
        chunk(&mut png, *b"IDAT", &zlib.finish().unwrap());
        chunk(&mut png, *b"IEND", &[]);
        let pixels = [
            200, 10, 30, 255, 5, 250, 128, 0, //
            107, 8, 9, 128, 156, 149, 77, 63, //
            48, 223, 29, 4, 99, 174, 232, 248,
        ];
        assert_eq!(decode(&png).unwrap(), (2, 3, pixels.to_vec()));
    }

    #[test]
    fn damaged_or_foreign_files_are_refused() {
        let png = encode(4, 4, &image(4, 4)).unwrap();
        let idat = png.len() - 12 - 4 - 1; // the last byte of IDAT's data
        let mut flipped = png.clone();
        flipped[idat] ^= 1;
        assert!(decode(&flipped).unwrap_err().contains("CRC"));
        assert!(decode(&png[..png.len() - 1]).is_err(), "truncated");
        assert!(decode(&png[1..]).is_err(), "no signature");
        let mut trailing = png.clone();
        trailing.push(0);
        assert!(decode(&trailing).is_err(), "bytes after IEND");

        // A gAMA chunk would change the colours a browser shows: refused, not skipped.
        let mut gamma = png[..33].to_vec();
        chunk(&mut gamma, *b"gAMA", &45_455u32.to_be_bytes());
        gamma.extend_from_slice(&png[33..]);
        assert!(decode(&gamma).unwrap_err().contains("gAMA"));

        // RGB without alpha, and interlaced.
        for format in [[8, 2, 0, 0, 0], [8, 6, 0, 0, 1]] {
            let mut other = SIGNATURE.to_vec();
            let mut header = vec![0, 0, 0, 4, 0, 0, 0, 4];
            header.extend_from_slice(&format);
            chunk(&mut other, *b"IHDR", &header);
            other.extend_from_slice(&png[33..]);
            assert!(decode(&other).is_err(), "{format:?}");
        }
    }
}
