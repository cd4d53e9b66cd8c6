//! Fuzzes the JSON import with arbitrary bytes: it must never panic, and whatever it accepts
//! must export and import back to the same alliance.
#![no_main]

use designed_alliance::core::{json, Timestamp};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(imported) = json::import(data) {
        let now = Timestamp::from_unix_seconds(0);
        let again = json::export(&imported.alliance, now).expect("an imported alliance exports");
        let back = json::import(again.as_bytes()).expect("an export imports");
        assert_eq!(back.alliance, imported.alliance);
    }
});
