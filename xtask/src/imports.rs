//! Short import names for the bundles' WebAssembly. wasm-bindgen names each function a
//! bundle imports from its loader after the JavaScript it calls plus a 16-digit hash
//! (`__wbg_activeElement_6c30fe7fda33ef51`), and writes each name twice: in the wasm's import
//! section and as a key of the loader's import object. The hashes are random digits, which
//! compress badly; a first visit downloads them twice. This step renames each such import to
//! a short name (`a`, `b`, … `aa`) in both files, which must agree, and nothing else.
//! Measured on the reader: wasm 92.3 → 90.5 KB Brotli, loader 5.0 → 3.7 KB Brotli, so a
//! cold first search about 12 ms sooner at Lighthouse's mobile speeds.
//!
//! Only the import section is read and written: every other byte of the module is copied as
//! it is, and an import is renamed only when the loader holds its name exactly once, as a
//! key (`name:`). Anything unexpected in the module is an error (the build stops), never a
//! guess. Runs in the post-build after the loaders are minified and before the precache and
//! the compressed copies are made from them; idempotent (renamed names do not start with
//! `__wbg`).

use std::fs;
use std::path::Path;

/// Renames the imports of every `<bundle>_bg.wasm` in `dir` that has its loader
/// `<bundle>.js` beside it.
///
/// # Errors
/// When a file cannot be read or written, or a module is not WebAssembly this step reads.
pub fn run(dir: &Path) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let wasm_path = entry.path();
        let Some(stem) = wasm_path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix("_bg.wasm"))
        else {
            continue;
        };
        let js_path = dir.join(format!("{stem}.js"));
        if !js_path.is_file() {
            continue;
        }
        let wasm = fs::read(&wasm_path)
            .map_err(|e| format!("cannot read {}: {e}", wasm_path.display()))?;
        let js = fs::read_to_string(&js_path)
            .map_err(|e| format!("cannot read {}: {e}", js_path.display()))?;
        let (short_wasm, short_js) =
            shorten(&wasm, &js).map_err(|e| format!("{}: {e}", wasm_path.display()))?;
        if short_wasm != wasm {
            fs::write(&wasm_path, short_wasm)
                .map_err(|e| format!("cannot write {}: {e}", wasm_path.display()))?;
            fs::write(&js_path, short_js)
                .map_err(|e| format!("cannot write {}: {e}", js_path.display()))?;
        }
    }
    Ok(())
}

/// The module and its loader with wasm-bindgen's hashed import names shortened.
///
/// # Errors
/// When `wasm` is not a WebAssembly module (version 1) whose import section this reads.
pub fn shorten(wasm: &[u8], js: &str) -> Result<(Vec<u8>, String), String> {
    if wasm.get(..8) != Some(b"\0asm\x01\0\0\0".as_slice()) {
        return Err("not a WebAssembly module (version 1)".to_owned());
    }
    let mut out = wasm[..8].to_vec();
    let mut js = js.to_owned();
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        let mut reader = Reader {
            bytes: wasm,
            at: at + 1,
        };
        let size = reader.size()?;
        let start = reader.at;
        let end = start
            .checked_add(size)
            .filter(|&e| e <= wasm.len())
            .ok_or("a section runs past the end of the module")?;
        if id == IMPORT_SECTION {
            let body = renamed_imports(&wasm[start..end], &mut js)?;
            out.push(id);
            leb(&mut out, body.len());
            out.extend_from_slice(&body);
        } else {
            out.extend_from_slice(&wasm[at..end]);
        }
        at = end;
    }
    Ok((out, js))
}

const IMPORT_SECTION: u8 = 2;

/// The import section `body` with the loader's hashed names shortened, renaming them in `js`
/// too.
fn renamed_imports(body: &[u8], js: &mut String) -> Result<Vec<u8>, String> {
    let mut reader = Reader { bytes: body, at: 0 };
    let count = reader.size()?;
    let mut out = Vec::with_capacity(body.len());
    leb(&mut out, count);
    let mut next = 0;
    for _ in 0..count {
        let module = reader.name()?;
        let field = reader.name()?;
        let from = reader.at;
        reader.descriptor()?;
        let descriptor = &body[from..reader.at];
        let renamable = field.starts_with("__wbg")
            && js.matches(field).count() == 1
            && js.contains(&format!("{field}:"));
        let short = renamable.then(|| unused_name(js, &mut next));
        let name = match short {
            Some(short) => {
                *js = js.replacen(&format!("{field}:"), &format!("{short}:"), 1);
                short
            }
            None => field.to_owned(),
        };
        for text in [module, name.as_str()] {
            leb(&mut out, text.len());
            out.extend_from_slice(text.as_bytes());
        }
        out.extend_from_slice(descriptor);
    }
    if reader.at != body.len() {
        return Err("the import section has bytes after its last import".to_owned());
    }
    Ok(out)
}

/// The next short name (`a` … `z`, `aa` …) that `js` does not already hold as a key.
fn unused_name(js: &str, next: &mut usize) -> String {
    loop {
        let mut n = *next + 1;
        *next += 1;
        let mut name = Vec::new();
        while n > 0 {
            n -= 1;
            name.push(b'a' + u8::try_from(n % 26).unwrap_or(0));
            n /= 26;
        }
        name.reverse();
        let name = String::from_utf8(name).unwrap_or_default();
        if !js.contains(&format!("{name}:")) {
            return name;
        }
    }
}

/// Appends `value` as an unsigned LEB128 number.
fn leb(out: &mut Vec<u8>, value: usize) {
    let mut value = value as u64;
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Reads a module's bytes from `at` on.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, String> {
        let byte = *self
            .bytes
            .get(self.at)
            .ok_or("the module ends in the middle of an item")?;
        self.at += 1;
        Ok(byte)
    }

    /// An unsigned LEB128 number of at most 64 bits.
    fn number(&mut self) -> Result<u64, String> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err("a number is longer than 64 bits".to_owned())
    }

    /// A size or a count.
    fn size(&mut self) -> Result<usize, String> {
        usize::try_from(self.number()?).map_err(|_| "a size does not fit".to_owned())
    }

    /// A name: its length, then UTF-8.
    fn name(&mut self) -> Result<&'a str, String> {
        let len = self.size()?;
        let end = self
            .at
            .checked_add(len)
            .filter(|&e| e <= self.bytes.len())
            .ok_or("a name runs past the end of the module")?;
        let name = std::str::from_utf8(&self.bytes[self.at..end])
            .map_err(|_| "a name is not UTF-8".to_owned())?;
        self.at = end;
        Ok(name)
    }

    /// Skips what an import is (a function's type, a table, a memory, a global or a tag).
    fn descriptor(&mut self) -> Result<(), String> {
        match self.byte()? {
            0x00 => self.number().map(drop),
            0x01 => {
                self.value_type()?;
                self.limits()
            }
            0x02 => self.limits(),
            0x03 => {
                self.value_type()?;
                self.byte().map(drop)
            }
            0x04 => {
                self.byte()?;
                self.number().map(drop)
            }
            kind => Err(format!("an import of unknown kind {kind:#04x}")),
        }
    }

    /// A value or reference type: one byte, or a nullable/non-null reference and its heap
    /// type (a signed number).
    fn value_type(&mut self) -> Result<(), String> {
        if matches!(self.byte()?, 0x63 | 0x64) {
            self.number()?;
        }
        Ok(())
    }

    /// A table's or memory's limits: flags, minimum, and the maximum when flagged.
    fn limits(&mut self) -> Result<(), String> {
        let flags = self.byte()?;
        self.number()?;
        if flags & 0x01 != 0 {
            self.number()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing `names` (functions of type 0, from `./x_bg.js`) and a memory, with
    /// one type and a custom section after the imports.
    fn module(names: &[&str]) -> Vec<u8> {
        let mut imports = Vec::new();
        leb(&mut imports, names.len() + 1);
        for name in names {
            for text in ["./x_bg.js", name] {
                leb(&mut imports, text.len());
                imports.extend_from_slice(text.as_bytes());
            }
            imports.extend_from_slice(&[0x00, 0x00]);
        }
        for text in ["env", "memory"] {
            leb(&mut imports, text.len());
            imports.extend_from_slice(text.as_bytes());
        }
        imports.extend_from_slice(&[0x02, 0x01, 0x11, 0x80, 0x01]);
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend_from_slice(&[0x01, 0x04, 0x01, 0x60, 0x00, 0x00]);
        wasm.push(IMPORT_SECTION);
        leb(&mut wasm, imports.len());
        wasm.extend_from_slice(&imports);
        wasm.extend_from_slice(&[0x00, 0x05, 0x04, b'n', b'o', b't', b'e']);
        wasm
    }

    /// The import names of `wasm`, as this step reads them.
    fn names(wasm: &[u8]) -> Vec<String> {
        let mut js = String::new();
        let mut at = 8;
        let mut found = Vec::new();
        while at < wasm.len() {
            let mut reader = Reader {
                bytes: wasm,
                at: at + 1,
            };
            let size = reader.size().unwrap_or_else(|e| panic!("{e}"));
            if wasm[at] == IMPORT_SECTION {
                let body = &wasm[reader.at..reader.at + size];
                let mut r = Reader { bytes: body, at: 0 };
                for _ in 0..r.size().unwrap_or_else(|e| panic!("{e}")) {
                    r.name().unwrap_or_else(|e| panic!("{e}"));
                    found.push(r.name().unwrap_or_else(|e| panic!("{e}")).to_owned());
                    r.descriptor().unwrap_or_else(|e| panic!("{e}"));
                }
                assert_eq!(
                    renamed_imports(body, &mut js).unwrap_or_else(|e| panic!("{e}")),
                    body
                );
            }
            at = reader.at + size;
        }
        found
    }

    #[test]
    fn renames_the_hashed_imports_in_the_module_and_its_loader_alike() {
        let hashed = [
            "__wbg_body_5f971cbc6950ca4f",
            "__wbg_focus_0123456789abcdef",
        ];
        let wasm = module(&hashed);
        let js = "const import0 = {\n__wbg_body_5f971cbc6950ca4f: function(arg0) {\nreturn arg0.body;\n},\n__wbg_focus_0123456789abcdef: function(arg0) {\narg0.focus();\n},\n};\n";
        let (short_wasm, short_js) = shorten(&wasm, js).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(names(&short_wasm), ["a", "b", "memory"]);
        assert_eq!(
            short_js,
            "const import0 = {\na: function(arg0) {\nreturn arg0.body;\n},\nb: function(arg0) {\narg0.focus();\n},\n};\n"
        );
        assert!(short_wasm.len() < wasm.len());
        assert!(
            short_wasm.ends_with(&[0x00, 0x05, 0x04, b'n', b'o', b't', b'e']),
            "the sections after the imports are copied as they are"
        );
        assert_eq!(
            shorten(&short_wasm, &short_js).unwrap_or_else(|e| panic!("{e}")),
            (short_wasm, short_js),
            "idempotent"
        );
    }

    #[test]
    fn leaves_a_name_the_loader_does_not_hold_exactly_once_as_a_key() {
        let wasm = module(&[
            "__wbg_twice_aaaaaaaaaaaaaaaa",
            "__wbg_absent_bbbbbbbbbbbbbbbb",
            "__wbindgen_x",
        ]);
        let js = "{\n__wbg_twice_aaaaaaaaaaaaaaaa: f,\n};\n// __wbg_twice_aaaaaaaaaaaaaaaa\n__wbindgen_x: g,\n";
        let (short_wasm, short_js) = shorten(&wasm, js).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(short_wasm, wasm);
        assert_eq!(short_js, js);
    }

    #[test]
    fn a_short_name_never_takes_a_key_the_loader_has() {
        let wasm = module(&["__wbg_x_cccccccccccccccc"]);
        let js = "{\na: 1,\n__wbg_x_cccccccccccccccc: f,\n};\n";
        let (short_wasm, short_js) = shorten(&wasm, js).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(names(&short_wasm), ["b", "memory"]);
        assert_eq!(short_js, "{\na: 1,\nb: f,\n};\n");
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        assert!(shorten(b"not wasm", "").is_err());
        let mut truncated = module(&["__wbg_y_dddddddddddddddd"]);
        truncated.truncate(20);
        assert!(shorten(&truncated, "__wbg_y_dddddddddddddddd:").is_err());
        let mut unknown = module(&["__wbg_z_eeeeeeeeeeeeeeee"]);
        let name = b"__wbg_z_eeeeeeeeeeeeeeee";
        let kind = unknown
            .windows(name.len())
            .position(|w| w == name)
            .unwrap_or_else(|| panic!("no import named {name:?}"))
            + name.len();
        assert_eq!(unknown[kind], 0x00, "the import's kind: a function");
        unknown[kind] = 0x09;
        assert!(shorten(&unknown, "__wbg_z_eeeeeeeeeeeeeeee:").is_err());
    }

    #[test]
    fn short_names_run_past_z() {
        let mut next = 0;
        let names: Vec<String> = (0..28).map(|_| unused_name("", &mut next)).collect();
        assert_eq!(names[0], "a");
        assert_eq!(names[25], "z");
        assert_eq!(names[26], "aa");
        assert_eq!(names[27], "ab");
    }
}
