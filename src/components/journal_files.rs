//! Files in and out of the journal: saving text as a download (exports, safety copies) and
//! reading the text of a file the person chose. Nothing here touches storage.

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
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
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
