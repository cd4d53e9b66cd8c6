//! The share link: the alliance carried in the fragment of a link to the same page.
//!
//! `https://coach.example/alliance#alliance-v1=<data>`, where `<data>` is the JSON file (as
//! [`super::json::export`] writes it), compressed in the zlib format (RFC 1950: deflate with an
//! Adler-32 checksum, so a changed or cut link fails to unpack rather than reading as something
//! else), in URL-safe base64 without padding (RFC 4648 §5). The browser compresses and unpacks
//! (`CompressionStream("deflate")`); this module is the text around it and its limits.
//!
//! A fragment is never sent to a server by the browser. The link is untrusted input: the same
//! checks as a file once unpacked, and unpacking stops at [`super::json::MAX_FILE_BYTES`].

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

/// What the fragment starts with (after `#`).
pub const PREFIX: &str = "alliance-v1=";

/// The longest link the widget makes, in characters. Chromium, Firefox and WebKit all opened
/// far longer links when measured (the README gives the figures); this limit is for what
/// carries links between people: mail clients, chat apps and QR codes cut or refuse long ones.
pub const MAX_LINK_CHARS: usize = 16_000;

/// The longest fragment read: a compressed file can never need more than this.
pub const MAX_DATA_CHARS: usize = super::json::MAX_FILE_BYTES / 3 * 4 + 4;

/// Why a link's data cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkError {
    /// Characters that URL-safe base64 never has, or a length it never has: changed or cut.
    Damaged,
    /// Longer than any link the widget could have made.
    TooLong,
}

/// The link's data, when `fragment` (with or without its `#`) is a share link's.
pub fn data_of(fragment: &str) -> Option<&str> {
    fragment
        .strip_prefix('#')
        .unwrap_or(fragment)
        .strip_prefix(PREFIX)
}

/// The fragment (with `#`) carrying `compressed`.
pub fn fragment(compressed: &[u8]) -> String {
    format!("#{PREFIX}{}", URL_SAFE_NO_PAD.encode(compressed))
}

/// The compressed bytes a link's data stands for. Only what the widget writes is read: the
/// URL-safe alphabet, no padding, no stray bits in the last character.
pub fn decode(data: &str) -> Result<Vec<u8>, LinkError> {
    if data.len() > MAX_DATA_CHARS {
        return Err(LinkError::TooLong);
    }
    URL_SAFE_NO_PAD.decode(data).map_err(|_| LinkError::Damaged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_length_and_byte() {
        for len in 0..70 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 250) as u8).collect();
            let f = fragment(&bytes);
            assert!(f
                .bytes()
                .skip(1)
                .all(|c| c.is_ascii_alphanumeric() || b"-_=".contains(&c)));
            assert_eq!(decode(data_of(&f).unwrap()), Ok(bytes));
        }
    }

    #[test]
    fn matches_rfc_4648() {
        assert_eq!(fragment(b"foobar"), "#alliance-v1=Zm9vYmFy");
        assert_eq!(fragment(b"fo"), "#alliance-v1=Zm8");
        assert_eq!(fragment(&[0xfb, 0xff]), "#alliance-v1=-_8");
    }

    #[test]
    fn refuses_what_it_never_writes() {
        assert_eq!(decode("Zm9v+mFy"), Err(LinkError::Damaged));
        assert_eq!(decode("Zm9vY"), Err(LinkError::Damaged));
        assert_eq!(decode("Zm 9"), Err(LinkError::Damaged));
        assert_eq!(decode("Zm8="), Err(LinkError::Damaged), "padding");
        assert_eq!(decode("Zm9"), Err(LinkError::Damaged), "stray bits");
        assert_eq!(
            decode(&"A".repeat(MAX_DATA_CHARS + 1)),
            Err(LinkError::TooLong)
        );
        assert_eq!(data_of("#other=1"), None);
        assert_eq!(data_of("alliance-v1=abc"), Some("abc"));
    }
}
