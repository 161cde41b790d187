//! Files in and out of the journal: saving text as a download (exports, safety copies),
//! sharing it through the system's share sheet (the summary's "Share"), and reading the text
//! of a file the person chose. Nothing here touches storage.

use wasm_bindgen::{JsCast, JsValue};

use crate::storage::when_settled;

/// Offers `text` as a file named `name` of type `mime`: a Blob, an object URL, and a
/// temporary `<a download>` clicked once. Works offline and with storage turned off.
///
/// # Errors
///
/// A short reason when the browser refused (rare: no document, or Blob URLs blocked).
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not prepare the file".to_owned())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the browser could not prepare the file".to_owned())?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| "there is no page to download from".to_owned())?;
    let link = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or_else(|| "the browser could not start the download".to_owned())?;
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    // In the document for the click, so every browser starts the download; removed at once.
    if let Some(body) = document.body() {
        let _ = body.append_child(&link);
    }
    link.click();
    link.remove();
    // The download has its own reference to the blob; the URL is freed a little later so
    // slow browsers still find it.
    crate::window::after(30_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    Ok(())
}

/// How [`share_or_download`] ended.
pub enum ShareOutcome {
    /// The share sheet took the file.
    Shared,
    /// The person closed the share sheet, or the browser refused to share.
    NotShared,
    /// This browser cannot share files: the file was downloaded instead.
    Downloaded,
    /// Neither sharing nor downloading worked (the reason, in words).
    Failed(String),
}

/// Shares `contents` as the file `name` (of type `mime`) with `title` and `text` through
/// the Web Share API where the browser says it can share such a file
/// (`navigator.canShare({files})`), and downloads the file everywhere else; `done` hears how
/// it ended. Must run inside the click that asked for it (sharing needs the user's gesture).
pub fn share_or_download(
    name: &str,
    mime: &str,
    contents: &str,
    title: &str,
    text: &str,
    done: impl FnOnce(ShareOutcome) + 'static,
) {
    match start_share(name, mime, contents, title, text) {
        Some(promise) => when_settled(&promise, move |v| {
            done(if v.is_some() {
                ShareOutcome::Shared
            } else {
                ShareOutcome::NotShared
            });
        }),
        None => done(match download(name, mime, contents) {
            Ok(()) => ShareOutcome::Downloaded,
            Err(reason) => ShareOutcome::Failed(reason),
        }),
    }
}

/// Calls `navigator.share` with the file, title and text, or returns `None` when this
/// browser has no Web Share or says it cannot share this file. Looked up by name, since
/// web-sys only offers the API behind its unstable flag.
fn start_share(
    name: &str,
    mime: &str,
    contents: &str,
    title: &str,
    text: &str,
) -> Option<js_sys::Promise> {
    let navigator = web_sys::window()?.navigator();
    let method = |key: &str| {
        js_sys::Reflect::get(&navigator, &JsValue::from_str(key))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    };
    let (can_share, share) = (method("canShare")?, method("share")?);
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::FilePropertyBag::new();
    options.set_type(mime);
    let file = web_sys::File::new_with_str_sequence_and_options(&parts, name, &options).ok()?;
    let data = js_sys::Object::new();
    for (key, value) in [
        ("files", JsValue::from(js_sys::Array::of1(&file))),
        ("title", JsValue::from_str(title)),
        ("text", JsValue::from_str(text)),
    ] {
        js_sys::Reflect::set(&data, &JsValue::from_str(key), &value).ok()?;
    }
    if !can_share.call1(&navigator, &data).ok()?.is_truthy() {
        return None;
    }
    share.call1(&navigator, &data).ok()?.dyn_into().ok()
}

/// The size of a chosen file in bytes, known before reading it.
pub fn file_size(file: &web_sys::File) -> u64 {
    let size = file.size();
    // File sizes are whole, non-negative numbers far below 2^53.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let bytes = if size.is_finite() && size > 0.0 {
        size as u64
    } else {
        0
    };
    bytes
}

/// Reads a chosen file as UTF-8 text and calls `done` with it, or with `None` when the
/// browser could not read it.
pub fn read_text(file: &web_sys::File, done: impl FnOnce(Option<String>) + 'static) {
    when_settled(&file.text(), move |value| {
        done(value.and_then(|v| v.as_string()));
    });
}
