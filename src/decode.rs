//! Bytes to text: UTF-8 as it is, old pages in Windows-1252, and binary files named
//! as such instead of analyzed as garbage.

/// Share of control characters above which a file is not text.
const MAX_CONTROL_SHARE: f64 = 0.10;

/// What the bytes of one input turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoded {
    /// Text, with a warning when it had to be decoded as Windows-1252.
    Text {
        /// The text.
        text: String,
        /// Why the text is not exactly the bytes read, if it is not.
        warning: Option<String>,
    },
    /// Not text at all: the reason, for the message naming the input.
    Binary(String),
}

/// Decodes `bytes`: UTF-8 when valid, otherwise Windows-1252 (the common encoding of
/// old scraped pages), unless NUL bytes or many control characters show a binary file.
pub fn decode(bytes: Vec<u8>) -> Decoded {
    if memchr::memchr(0, &bytes).is_some() {
        return Decoded::Binary("binary file (contains NUL bytes)".to_string());
    }
    let (text, warning) = match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            let text = windows_1252(error.as_bytes());
            let warning = format!(
                "not valid UTF-8 (byte {at}); decoded as Windows-1252, offsets are into the decoded text"
            );
            (text, Some(warning))
        }
    };
    if control_share(&text) > MAX_CONTROL_SHARE {
        return Decoded::Binary("not text (over a tenth control characters)".to_string());
    }
    Decoded::Text { text, warning }
}

/// The characters Windows-1252 puts at 0x80..=0x9F; the five bytes it leaves
/// undefined map to the C1 control of the same value, as browsers do.
const HIGH_CONTROLS: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Decodes every byte as Windows-1252: ASCII and 0xA0..=0xFF are Latin-1.
fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => HIGH_CONTROLS[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// Share of characters that are control characters other than line and tab spacing.
/// Works on the UTF-8 bytes, where every C0 control is one byte and every C1 control
/// is 0xC2 followed by 0x80..=0x9F; the byte counts are simple enough for the compiler
/// to vectorize, so the check costs far less than the analysis that follows. The
/// characters are counted only when there are controls: most texts have none.
fn control_share(text: &str) -> f64 {
    let bytes = text.as_bytes();
    let mut c0 = 0;
    // Counts in bytes over chunks short enough not to overflow them, with bitwise
    // tests: the shape the compiler turns into vector instructions.
    for chunk in bytes.chunks(128) {
        let mut controls = 0u8;
        for &b in chunk {
            let spacing = (b == b'\n') | (b == b'\r') | (b == b'\t') | (b == 0x0c);
            controls += u8::from(((b < 0x20) & !spacing) | (b == 0x7f));
        }
        c0 += usize::from(controls);
    }
    let c1 = memchr::memchr_iter(0xc2, bytes)
        .filter(|&at| bytes.get(at + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
        .count();
    if c0 + c1 == 0 {
        return 0.0;
    }
    (c0 + c1) as f64 / text.chars().count() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> (String, bool) {
        match decode(bytes.to_vec()) {
            Decoded::Text { text, warning } => (text, warning.is_some()),
            Decoded::Binary(why) => panic!("binary: {why}"),
        }
    }

    #[test]
    fn utf8_is_taken_as_it_is() {
        assert_eq!(
            text("Caf\u{e9} “quoted”\r\n".as_bytes()),
            ("Café “quoted”\r\n".into(), false)
        );
        assert_eq!(text(b""), (String::new(), false));
        assert_eq!(text(b"\xef\xbb\xbfBOM"), ("\u{feff}BOM".into(), false));
    }

    #[test]
    fn windows_1252_is_decoded_with_a_warning() {
        let cases: [(&[u8], &str); 3] = [
            (b"Caf\xe9 \x93quoted\x94 \x96 \x80 5", "Café “quoted” – € 5"),
            (b"it\x92s", "it’s"),
            (
                b"\x81\x8d\x8f\x90\x9d and then a long line of ordinary text to dilute them",
                "\u{81}\u{8d}\u{8f}\u{90}\u{9d} and then a long line of ordinary text to dilute them",
            ),
        ];
        for (bytes, expected) in cases {
            assert_eq!(text(bytes), (expected.to_string(), true), "{bytes:?}");
        }
    }

    #[test]
    fn binary_is_refused() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert!(matches!(decode(png.to_vec()), Decoded::Binary(why) if why.contains("NUL")));
        let noise: Vec<u8> = (1u8..=8).cycle().take(400).collect();
        assert!(matches!(decode(noise), Decoded::Binary(why) if why.contains("control")));
    }
}
