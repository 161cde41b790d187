//! The app icons: PNGs drawn from `public/icon.svg` by a tiny rasteriser that understands
//! exactly the SVG the icon uses (a rounded `<rect>`, `<circle>`s with fill, stroke and
//! dashes) and refuses anything else, so the PNGs can never silently differ from the SVG.
//!
//! The PNGs are committed in `public/icons/`; the build and the test
//! `committed_icons_match_the_svg` fail when their pixels differ from the SVG's, and the test
//! regenerates them when run as `UPDATE_ICONS=1 cargo test -p xtask committed_icons`.

use super::png;
use std::f64::consts::TAU;

/// One icon file the manifest lists.
pub struct Icon {
    /// Path inside the site (and inside `public/`).
    pub path: &'static str,
    /// Width and height in pixels.
    pub size: u32,
    /// Drawn edge to edge with square corners: maskable icons (the platform cuts its own
    /// shape; the icon's content already sits inside the central 80 % safe zone) and Apple's
    /// touch icon (iOS fills transparent corners with black).
    pub full_bleed: bool,
}

/// Every icon the build ships.
pub const ICONS: &[Icon] = &[
    Icon {
        path: "icons/icon-192.png",
        size: 192,
        full_bleed: false,
    },
    Icon {
        path: "icons/icon-512.png",
        size: 512,
        full_bleed: false,
    },
    Icon {
        path: "icons/maskable-512.png",
        size: 512,
        full_bleed: true,
    },
    Icon {
        path: "icons/apple-touch-icon.png",
        size: 180,
        full_bleed: true,
    },
];

/// Samples per pixel along each axis (16 per pixel): smooth edges, exact flat colours.
const SUPERSAMPLE: u32 = 4;

/// Whether `png` shows exactly what the SVG draws for `icon`: the same size, the same pixels.
///
/// Pixels rather than bytes, so that another PNG encoder, or another version of `flate2`,
/// compressing the same image differently does not make a committed icon stale. A file that
/// does not decode is stale.
///
/// # Errors
/// When the SVG uses anything the rasteriser does not draw.
pub fn is_current(svg: &str, icon: &Icon, png: &[u8]) -> Result<bool, String> {
    let expected = rasterise(svg, icon.size, icon.full_bleed)?;
    Ok(png::decode(png).is_ok_and(|(width, height, rgba)| {
        width == icon.size && height == icon.size && rgba == expected
    }))
}

/// Renders the SVG as a `size × size` PNG (only the regenerating test writes icons).
///
/// # Errors
/// When the SVG uses anything the rasteriser does not draw.
#[cfg(test)]
pub fn render(svg: &str, size: u32, full_bleed: bool) -> Result<Vec<u8>, String> {
    png::encode(size, size, &rasterise(svg, size, full_bleed)?)
}

/// The SVG drawn as `size × size` RGBA pixels (straight alpha).
fn rasterise(svg: &str, size: u32, full_bleed: bool) -> Result<Vec<u8>, String> {
    let mut drawing = Drawing::parse(svg)?;
    if full_bleed {
        if let Some(Shape {
            geometry: Geometry::Rect { x, y, w, h, rx },
            ..
        }) = drawing.shapes.first_mut()
        {
            if *x <= 0.0 && *y <= 0.0 && *w >= drawing.width && *h >= drawing.height {
                *rx = 0.0;
            }
        }
    }
    let scale = drawing.width / f64::from(size);
    let samples = f64::from(SUPERSAMPLE * SUPERSAMPLE);
    let mut rgba = Vec::with_capacity((size * size * 4) as usize);
    for py in 0..size {
        for px in 0..size {
            let sample = |sx: u32, sy: u32| {
                let at = |p: u32, s: u32| {
                    (f64::from(p) + (f64::from(s) + 0.5) / f64::from(SUPERSAMPLE)) * scale
                };
                drawing.color_at(at(px, sx), at(py, sy))
            };
            // Where the pixel's four outermost samples agree, the pixel lies inside one flat
            // area (every shape is far larger than a pixel): skip the other twelve.
            let last = SUPERSAMPLE - 1;
            let corner = sample(0, 0);
            let flat = [(last, 0), (0, last), (last, last)]
                .iter()
                .all(|&(sx, sy)| sample(sx, sy) == corner);
            // Sums over the samples: colour (weighted by coverage) and coverage.
            let mut sum = [0.0f64; 4];
            for sy in 0..SUPERSAMPLE {
                for sx in 0..SUPERSAMPLE {
                    let color = if flat { corner } else { sample(sx, sy) };
                    if let Some(color) = color {
                        for c in 0..3 {
                            sum[c] += f64::from(color[c]);
                        }
                        sum[3] += 1.0;
                    }
                }
            }
            if sum[3] == 0.0 {
                rgba.extend_from_slice(&[0, 0, 0, 0]);
            } else {
                for c in sum.iter().take(3) {
                    rgba.push(to_byte(c / sum[3]));
                }
                rgba.push(to_byte(255.0 * sum[3] / samples));
            }
        }
    }
    Ok(rgba)
}

fn to_byte(v: f64) -> u8 {
    // Rounded and clamped to 0..=255 first, so the cast cannot truncate.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let b = v.round().clamp(0.0, 255.0) as u8;
    b
}

type Rgb = [u8; 3];

struct Drawing {
    width: f64,
    height: f64,
    shapes: Vec<Shape>,
}

struct Shape {
    geometry: Geometry,
    fill: Option<Rgb>,
    stroke: Option<Stroke>,
}

enum Geometry {
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        rx: f64,
    },
    Circle {
        cx: f64,
        cy: f64,
        r: f64,
    },
}

struct Stroke {
    color: Rgb,
    width: f64,
    /// Dash and gap lengths in user units (already scaled by `pathLength`), even count.
    dashes: Vec<f64>,
    offset: f64,
}

impl Drawing {
    fn parse(svg: &str) -> Result<Drawing, String> {
        let mut drawing = Drawing {
            width: 0.0,
            height: 0.0,
            shapes: Vec::new(),
        };
        let mut rest = svg;
        while let Some(start) = rest.find('<') {
            rest = &rest[start + 1..];
            if let Some(comment) = rest.strip_prefix("!--") {
                rest = comment.find("-->").map_or("", |e| &comment[e + 3..]);
                continue;
            }
            let end = rest.find('>').ok_or("icon.svg: unterminated tag")?;
            let tag = rest[..end].trim_end_matches('/');
            rest = &rest[end + 1..];
            if tag.starts_with('/') || tag.starts_with('?') || tag.starts_with('!') {
                continue;
            }
            let name_end = tag.find(char::is_whitespace).unwrap_or(tag.len());
            let (name, attributes) = tag.split_at(name_end);
            let attributes = parse_attributes(attributes)?;
            match name {
                "svg" => drawing.read_view_box(&attributes)?,
                "title" | "desc" => {}
                "rect" | "circle" => drawing.shapes.push(Shape::parse(name, &attributes)?),
                other => {
                    return Err(format!(
                    "icon.svg: <{other}> is not drawn by the icon rasteriser (use rect and circle)"
                ))
                }
            }
        }
        if drawing.width <= 0.0 || drawing.height <= 0.0 {
            return Err("icon.svg: needs a viewBox=\"0 0 W H\"".to_owned());
        }
        Ok(drawing)
    }

    fn read_view_box(&mut self, attributes: &[(String, String)]) -> Result<(), String> {
        let view_box = attributes
            .iter()
            .find(|(n, _)| n == "viewBox")
            .ok_or("icon.svg: <svg> needs a viewBox")?;
        let numbers = view_box
            .1
            .split([' ', ','])
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse::<f64>()
                    .map_err(|e| format!("icon.svg viewBox: {e}"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        match numbers[..] {
            [0.0, 0.0, w, h] => {
                self.width = w;
                self.height = h;
                Ok(())
            }
            _ => Err("icon.svg: viewBox must start at 0 0".to_owned()),
        }
    }

    /// The colour of the topmost shape covering the point, if any.
    fn color_at(&self, u: f64, v: f64) -> Option<Rgb> {
        let mut color = None;
        for shape in &self.shapes {
            if let Some(fill) = shape.fill {
                if shape.geometry.contains(u, v) {
                    color = Some(fill);
                }
            }
            if let Some(stroke) = &shape.stroke {
                if shape.geometry.on_stroke(u, v, stroke) {
                    color = Some(stroke.color);
                }
            }
        }
        color
    }
}

impl Shape {
    fn parse(name: &str, attributes: &[(String, String)]) -> Result<Shape, String> {
        let number = |key: &str, default: f64| -> Result<f64, String> {
            attributes
                .iter()
                .find(|(n, _)| n == key)
                .map_or(Ok(default), |(_, v)| {
                    v.parse()
                        .map_err(|e| format!("icon.svg <{name} {key}>: {e}"))
                })
        };
        let text = |key: &str| {
            attributes
                .iter()
                .find(|(n, _)| n == key)
                .map(|(_, v)| v.as_str())
        };
        let allowed: &[&str] = match name {
            "rect" => &["x", "y", "width", "height", "rx", "fill"],
            _ => &[
                "cx",
                "cy",
                "r",
                "fill",
                "stroke",
                "stroke-width",
                "stroke-dasharray",
                "stroke-dashoffset",
                "pathLength",
            ],
        };
        if let Some((unknown, _)) = attributes
            .iter()
            .find(|(n, _)| !allowed.contains(&n.as_str()))
        {
            return Err(format!(
                "icon.svg: <{name} {unknown}> is not drawn by the icon rasteriser"
            ));
        }
        let geometry = if name == "rect" {
            Geometry::Rect {
                x: number("x", 0.0)?,
                y: number("y", 0.0)?,
                w: number("width", 0.0)?,
                h: number("height", 0.0)?,
                rx: number("rx", 0.0)?,
            }
        } else {
            Geometry::Circle {
                cx: number("cx", 0.0)?,
                cy: number("cy", 0.0)?,
                r: number("r", 0.0)?,
            }
        };
        // SVG's defaults: fill black, no stroke.
        let fill = match text("fill") {
            None => Some([0, 0, 0]),
            Some(value) => parse_color(value)?,
        };
        let stroke = match text("stroke").map(parse_color).transpose()?.flatten() {
            None => None,
            Some(color) => {
                let scale = match (&geometry, text("pathLength")) {
                    (Geometry::Circle { r, .. }, Some(_)) => TAU * r / number("pathLength", 1.0)?,
                    _ => 1.0,
                };
                let mut dashes = match text("stroke-dasharray") {
                    None | Some("none") => Vec::new(),
                    Some(list) => list
                        .split([' ', ','])
                        .filter(|s| !s.is_empty())
                        .map(|s| {
                            s.parse::<f64>()
                                .map(|d| d * scale)
                                .map_err(|e| format!("icon.svg stroke-dasharray: {e}"))
                        })
                        .collect::<Result<Vec<_>, _>>()?,
                };
                // An odd list repeats to make an even one, as SVG says.
                if dashes.len() % 2 == 1 {
                    dashes.extend(dashes.clone());
                }
                Some(Stroke {
                    color,
                    width: number("stroke-width", 1.0)?,
                    dashes,
                    offset: number("stroke-dashoffset", 0.0)? * scale,
                })
            }
        };
        if stroke.is_some() && name == "rect" {
            return Err("icon.svg: strokes are drawn on circles only".to_owned());
        }
        Ok(Shape {
            geometry,
            fill,
            stroke,
        })
    }
}

impl Geometry {
    fn contains(&self, u: f64, v: f64) -> bool {
        match *self {
            Geometry::Rect { x, y, w, h, rx } => {
                if u < x || u > x + w || v < y || v > y + h {
                    return false;
                }
                let rx = rx.min(w / 2.0).min(h / 2.0);
                // The nearest point of the rectangle shrunk by the radius: inside the
                // corner's quarter circle when within `rx` of it.
                let nx = u.clamp(x + rx, x + w - rx);
                let ny = v.clamp(y + rx, y + h - rx);
                (u - nx).powi(2) + (v - ny).powi(2) <= rx * rx
            }
            Geometry::Circle { cx, cy, r } => (u - cx).powi(2) + (v - cy).powi(2) <= r * r,
        }
    }

    fn on_stroke(&self, u: f64, v: f64, stroke: &Stroke) -> bool {
        let Geometry::Circle { cx, cy, r } = *self else {
            return false;
        };
        let d = ((u - cx).powi(2) + (v - cy).powi(2)).sqrt();
        if (d - r).abs() > stroke.width / 2.0 {
            return false;
        }
        let total: f64 = stroke.dashes.iter().sum();
        if stroke.dashes.is_empty() || total <= 0.0 {
            return true;
        }
        // A circle's path starts at 3 o'clock and runs clockwise on screen (y points down),
        // which is the direction of increasing atan2 here. Butt caps end dashes on radii.
        let angle = (v - cy).atan2(u - cx).rem_euclid(TAU);
        let mut position = (angle * r + stroke.offset).rem_euclid(total);
        for (i, length) in stroke.dashes.iter().enumerate() {
            if position < *length {
                return i % 2 == 0;
            }
            position -= length;
        }
        false
    }
}

fn parse_attributes(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let eq = rest
            .find('=')
            .ok_or_else(|| format!("icon.svg: attribute without value in {text:?}"))?;
        let name = rest[..eq].trim().to_owned();
        let after = rest[eq + 1..].trim_start();
        let quote = after
            .chars()
            .next()
            .filter(|c| *c == '"' || *c == '\'')
            .ok_or("icon.svg: unquoted attribute")?;
        let close = after[1..]
            .find(quote)
            .ok_or("icon.svg: unterminated attribute")?
            + 1;
        out.push((name, after[1..close].to_owned()));
        rest = after[close + 1..].trim_start();
    }
    // Attributes that only describe the document are not drawing instructions.
    out.retain(|(n, _)| !matches!(n.as_str(), "xmlns" | "role" | "aria-label" | "id"));
    Ok(out)
}

/// `#rrggbb`, or `None` for `none`.
fn parse_color(value: &str) -> Result<Option<Rgb>, String> {
    if value == "none" {
        return Ok(None);
    }
    let hex = value
        .strip_prefix('#')
        .filter(|h| h.len() == 6)
        .ok_or_else(|| format!("icon.svg: colour {value:?} is not #rrggbb"))?;
    let channel = |i: usize| {
        u8::from_str_radix(&hex[i..i + 2], 16).map_err(|e| format!("icon.svg colour {value}: {e}"))
    };
    Ok(Some([channel(0)?, channel(2)?, channel(4)?]))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use std::path::PathBuf;

    fn public() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../public")
    }

    #[test]
    fn committed_icons_match_the_svg() {
        let svg = std::fs::read_to_string(public().join("icon.svg")).unwrap();
        let update = std::env::var_os("UPDATE_ICONS").is_some();
        for icon in ICONS {
            let path = public().join(icon.path);
            if update {
                let png = render(&svg, icon.size, icon.full_bleed).unwrap();
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, &png).unwrap();
            }
            let committed = std::fs::read(&path).unwrap_or_default();
            assert!(
                is_current(&svg, icon, &committed).unwrap(),
                "{} is stale: run UPDATE_ICONS=1 cargo test -p xtask committed_icons",
                icon.path
            );
        }
    }

    #[test]
    fn rendering_twice_gives_identical_bytes() {
        // The committed icons must not change when nothing they are drawn from changed.
        let svg = std::fs::read_to_string(public().join("icon.svg")).unwrap();
        for icon in ICONS {
            let first = render(&svg, icon.size, icon.full_bleed).unwrap();
            let second = render(&svg, icon.size, icon.full_bleed).unwrap();
            assert!(first == second, "{}", icon.path);
            assert!(is_current(&svg, icon, &first).unwrap(), "{}", icon.path);
        }
    }

    #[test]
    fn an_icon_of_other_pixels_or_size_is_stale() {
        let svg = std::fs::read_to_string(public().join("icon.svg")).unwrap();
        let icon = &ICONS[0];
        let mut rgba = rasterise(&svg, icon.size, icon.full_bleed).unwrap();
        let size = icon.size;
        assert!(is_current(&svg, icon, &png::encode(size, size, &rgba).unwrap()).unwrap());
        rgba[4 * 1000] ^= 1;
        assert!(!is_current(&svg, icon, &png::encode(size, size, &rgba).unwrap()).unwrap());
        let other = rasterise(&svg, size + 1, icon.full_bleed).unwrap();
        assert!(!is_current(
            &svg,
            icon,
            &png::encode(size + 1, size + 1, &other).unwrap()
        )
        .unwrap());
        assert!(!is_current(&svg, icon, b"not a png").unwrap());
    }

    const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" role="img">
      <!-- a comment -->
      <title>t</title>
      <rect width="100" height="100" rx="20" fill="#102030"/>
      <circle cx="50" cy="50" r="30" fill="none" stroke="#ffffff" stroke-width="10" pathLength="8" stroke-dasharray="1" stroke-dashoffset="0.5"/>
      <circle cx="50" cy="50" r="5" fill="#ff0000"/>
    </svg>"##;

    #[track_caller]
    fn check(full_bleed: bool, x: u32, y: u32, expected: [u8; 4]) {
        let rgba = rasterise(SVG, 100, full_bleed).unwrap();
        let i = ((y * 100 + x) * 4) as usize;
        assert_eq!(rgba[i..i + 4], expected, "pixel {x},{y}");
    }

    #[test]
    fn shapes_paint_in_order_with_dashes_and_corners() {
        let background = [0x10, 0x20, 0x30, 255];
        check(false, 50, 50, [255, 0, 0, 255]); // the dot on top
        check(false, 50, 10, background); // inside the rect, off the ring
                                          // pathLength 8, dashes of 1 centred on 3 o'clock: dashes at the four compass points,
                                          // gaps on the diagonals.
        check(false, 80, 50, [255, 255, 255, 255]);
        check(false, 50, 20, [255, 255, 255, 255]);
        check(false, 71, 71, background);
        // The rounded corner is transparent, unless drawn full bleed.
        check(false, 0, 0, [0, 0, 0, 0]);
        check(true, 0, 0, background);
    }

    #[test]
    fn anything_else_is_refused_not_ignored() {
        for svg in [
            r#"<svg viewBox="0 0 10 10"><path d="M0 0"/></svg>"#,
            r#"<svg viewBox="0 0 10 10"><circle r="1" transform="scale(2)"/></svg>"#,
            r#"<svg viewBox="0 0 10 10"><rect width="1" fill="red"/></svg>"#,
            r#"<svg viewBox="1 1 10 10"></svg>"#,
            r#"<svg><rect width="1"/></svg>"#,
            r#"<svg viewBox="0 0 10 10"><rect width=1/></svg>"#,
        ] {
            assert!(rasterise(svg, 4, false).is_err(), "{svg}");
        }
    }
}
