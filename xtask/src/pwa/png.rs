//! A small PNG writer for the app icons: RGBA pixels, per-row filters, and zlib data
//! compressed with LZ77 and deflate's fixed Huffman codes (RFC 1950, 1951; PNG spec).
//!
//! Flat-coloured icons compress well this way (a 512 px icon is a few KB), the output is
//! byte-for-byte reproducible, and the build tool needs no image crate.

/// Encodes `width × height` RGBA pixels (row by row, 4 bytes each) as a PNG file.
pub fn encode(width: u32, height: u32, rgba: &[u8]) -> Vec<u8> {
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

    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    // 8 bits per channel, colour type 6 (RGBA), deflate, adaptive filters, no interlace.
    header.extend_from_slice(&[8, 6, 0, 0, 0]);
    chunk(&mut png, *b"IHDR", &header);
    chunk(&mut png, *b"IDAT", &zlib(&raw));
    chunk(&mut png, *b"IEND", &[]);
    png
}

/// The filters tried on each row: Sub and Up. On flat-coloured icons the others (None,
/// Average, Paeth) never made the files smaller (46.3 KB with all five, 43.5 KB with these).
const FILTERS: [u8; 2] = [1, 2];

/// The filter whose output has the smallest sum of absolute values, the usual heuristic for
/// picking one per row.
fn best_filter(row: &[u8], up: &[u8]) -> (u8, Vec<u8>) {
    let mut best: Option<(u64, u8, Vec<u8>)> = None;
    for filter in FILTERS {
        let line: Vec<u8> = (0..row.len())
            .map(|i| {
                let a = if i >= 4 { row[i - 4] } else { 0 };
                let b = up[i];
                let c = if i >= 4 { up[i - 4] } else { 0 };
                let predicted = match filter {
                    0 => 0,
                    1 => a,
                    2 => b,
                    // floor((a + b) / 2) without leaving u8.
                    3 => (a >> 1) + (b >> 1) + (a & b & 1),
                    _ => paeth(a, b, c),
                };
                row[i].wrapping_sub(predicted)
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

fn chunk(png: &mut Vec<u8>, kind: [u8; 4], data: &[u8]) {
    // An icon's data is far below PNG's 2^31-byte chunk limit.
    let len = u32::try_from(data.len()).unwrap_or(u32::MAX);
    png.extend_from_slice(&len.to_be_bytes());
    let start = png.len();
    png.extend_from_slice(&kind);
    png.extend_from_slice(data);
    let crc = crc32(&png[start..]);
    png.extend_from_slice(&crc.to_be_bytes());
}

/// CRC-32 (ISO 3309), as PNG chunks carry it.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A zlib stream: header, one deflate block, Adler-32.
pub fn zlib(data: &[u8]) -> Vec<u8> {
    // CMF 0x78 (deflate, 32 KB window), FLG 0xDA (maximum compression; header % 31 == 0).
    let mut out = vec![0x78, 0xda];
    out.extend_from_slice(&deflate(data));
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in data {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    out.extend_from_slice(&((b << 16) | a).to_be_bytes());
    out
}

const LENGTH_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LENGTH_EXTRA: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA: [u8; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];
const WINDOW: usize = 32_768;
const MAX_MATCH: usize = 258;
const MAX_CHAIN: usize = 64;

/// Raw deflate: one final block with the fixed Huffman codes, matches found by hash chains.
pub fn deflate(data: &[u8]) -> Vec<u8> {
    let mut bits = BitWriter::default();
    bits.write(1, 1); // BFINAL
    bits.write(1, 2); // BTYPE = 01, fixed Huffman codes
    let mut head = vec![usize::MAX; 1 << 15];
    let mut prev = vec![usize::MAX; data.len()];
    let mut i = 0;
    while i < data.len() {
        let (mut best_len, mut best_dist) = (0, 0);
        if i + 3 <= data.len() {
            let mut candidate = head[hash(data, i)];
            let limit = MAX_MATCH.min(data.len() - i);
            for _ in 0..MAX_CHAIN {
                if candidate == usize::MAX || i - candidate > WINDOW {
                    break;
                }
                // Only a candidate that also matches one byte past the best so far can beat it.
                if best_len > 0 && data[candidate + best_len] != data[i + best_len] {
                    candidate = prev[candidate];
                    continue;
                }
                let mut len = 0;
                while len < limit && data[candidate + len] == data[i + len] {
                    len += 1;
                }
                if len > best_len {
                    (best_len, best_dist) = (len, i - candidate);
                    if len == limit {
                        break;
                    }
                }
                candidate = prev[candidate];
            }
        }
        if best_len >= 3 {
            bits.length(best_len);
            bits.distance(best_dist);
            for j in i..i + best_len {
                insert(data, &mut head, &mut prev, j);
            }
            i += best_len;
        } else {
            bits.symbol(u16::from(data[i]));
            insert(data, &mut head, &mut prev, i);
            i += 1;
        }
    }
    bits.symbol(256);
    bits.finish()
}

/// A 15-bit hash of the 3 bytes at `i`.
fn hash(data: &[u8], i: usize) -> usize {
    ((usize::from(data[i]) << 10) ^ (usize::from(data[i + 1]) << 5) ^ usize::from(data[i + 2]))
        & 0x7fff
}

/// Makes position `i` findable: it becomes the newest entry of its hash chain.
fn insert(data: &[u8], head: &mut [usize], prev: &mut [usize], i: usize) {
    if i + 3 <= data.len() {
        let h = hash(data, i);
        prev[i] = head[h];
        head[h] = i;
    }
}

#[derive(Default)]
struct BitWriter {
    out: Vec<u8>,
    acc: u64,
    count: u32,
}

impl BitWriter {
    /// Writes `n` bits of `value`, least significant first (deflate's bit order).
    fn write(&mut self, value: u32, n: u32) {
        self.acc |= u64::from(value) << self.count;
        self.count += n;
        while self.count >= 8 {
            self.out.push((self.acc & 0xff) as u8);
            self.acc >>= 8;
            self.count -= 8;
        }
    }

    /// Writes a Huffman code, which deflate stores most significant bit first.
    fn code(&mut self, code: u32, n: u32) {
        self.write(code.reverse_bits() >> (32 - n), n);
    }

    /// A literal/length symbol in the fixed code.
    fn symbol(&mut self, s: u16) {
        let s = u32::from(s);
        match s {
            0..=143 => self.code(0x30 + s, 8),
            144..=255 => self.code(0x190 + s - 144, 9),
            256..=279 => self.code(s - 256, 7),
            _ => self.code(0xc0 + s - 280, 8),
        }
    }

    // Lengths are at most 258 and table indices below 30: the casts cannot truncate.
    #[allow(clippy::cast_possible_truncation)]
    fn length(&mut self, len: usize) {
        let i = LENGTH_BASE
            .iter()
            .rposition(|&base| usize::from(base) <= len)
            .unwrap_or(0);
        self.symbol(257 + i as u16);
        self.write(
            (len - usize::from(LENGTH_BASE[i])) as u32,
            u32::from(LENGTH_EXTRA[i]),
        );
    }

    // Distances are at most 32768 and table indices below 30: the casts cannot truncate.
    #[allow(clippy::cast_possible_truncation)]
    fn distance(&mut self, dist: usize) {
        let i = DIST_BASE
            .iter()
            .rposition(|&base| usize::from(base) <= dist)
            .unwrap_or(0);
        self.code(i as u32, 5);
        self.write(
            (dist - usize::from(DIST_BASE[i])) as u32,
            u32::from(DIST_EXTRA[i]),
        );
    }

    fn finish(mut self) -> Vec<u8> {
        if self.count > 0 {
            self.out.push((self.acc & 0xff) as u8);
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::cast_possible_truncation
    )]
    use super::*;

    /// A decoder for fixed-Huffman blocks only: enough to prove the encoder round-trips.
    fn inflate(data: &[u8]) -> Vec<u8> {
        let mut pos = 0usize;
        let mut bit = |n: u32| -> u32 {
            let mut v = 0;
            for k in 0..n {
                let b = (data[pos / 8] >> (pos % 8)) & 1;
                v |= u32::from(b) << k;
                pos += 1;
            }
            v
        };
        assert_eq!(bit(1), 1, "final block");
        assert_eq!(bit(2), 1, "fixed codes");
        let mut out: Vec<u8> = Vec::new();
        loop {
            // Read the code MSB first, 7 bits, then extend as the fixed code's ranges say.
            let mut code = 0u32;
            for _ in 0..7 {
                code = (code << 1) | bit(1);
            }
            let symbol = if code <= 0x17 {
                256 + code
            } else {
                code = (code << 1) | bit(1);
                if (0x30..=0xbf).contains(&code) {
                    code - 0x30
                } else if (0xc0..=0xc7).contains(&code) {
                    280 + code - 0xc0
                } else {
                    code = (code << 1) | bit(1);
                    144 + code - 0x190
                }
            };
            match symbol {
                0..=255 => out.push(symbol as u8),
                256 => return out,
                _ => {
                    let i = (symbol - 257) as usize;
                    let len =
                        usize::from(LENGTH_BASE[i]) + bit(u32::from(LENGTH_EXTRA[i])) as usize;
                    let mut d = 0u32;
                    for _ in 0..5 {
                        d = (d << 1) | bit(1);
                    }
                    let d = d as usize;
                    let dist = usize::from(DIST_BASE[d]) + bit(u32::from(DIST_EXTRA[d])) as usize;
                    for _ in 0..len {
                        out.push(out[out.len() - dist]);
                    }
                }
            }
        }
    }

    #[track_caller]
    fn check(data: &[u8]) {
        assert_eq!(inflate(&deflate(data)), data);
    }

    #[test]
    fn deflate_round_trips() {
        check(b"");
        check(b"a");
        check(b"abcabcabcabcabcabc");
        check(&vec![0u8; 100_000]);
        // Pseudo-random bytes (no matches) and every literal value, byte 143/144 edge included.
        let mut x = 12_345u32;
        let noise: Vec<u8> = (0..70_000)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                (x >> 16) as u8
            })
            .collect();
        check(&noise);
        check(&(0..=255u8).cycle().take(5000).collect::<Vec<_>>());
        // Matches longer than the window apart are never used.
        let mut far = noise[..40_000].to_vec();
        far.extend_from_slice(&noise[..1000]);
        check(&far);
    }

    #[test]
    fn known_streams() {
        // As zlib writes them with fixed codes: "a" and the empty input.
        assert_eq!(deflate(b"a"), [0x4b, 0x04, 0x00]);
        assert_eq!(deflate(b""), [0x03, 0x00]);
        assert_eq!(crc32(b"IEND"), 0xae42_6082);
        assert_eq!(zlib(b"a")[5..], [0x00, 0x62, 0x00, 0x62]);
    }

    #[test]
    fn png_has_its_signature_header_and_end() {
        let png = encode(2, 1, &[255, 0, 0, 255, 0, 0, 255, 128]);
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(&png[12..16], b"IHDR");
        assert_eq!(&png[16..24], [0, 0, 0, 2, 0, 0, 0, 1]);
        assert_eq!(
            &png[png.len() - 12..],
            [0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xae, 0x42, 0x60, 0x82]
        );
    }
}
