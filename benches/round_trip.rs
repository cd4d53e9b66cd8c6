//! Export and import times for a large alliance (200 commitments, about 50,000 characters of
//! text). Goal: a full round trip under 5 ms on our 2-core machines. Run with `make bench`.

// Criterion is a native-only dev-dependency; on wasm32 (checked by clippy) this is empty.
#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/common/mod.rs"]
mod common;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::common;
    use criterion::{criterion_group, Criterion};
    use designed_alliance::core::{ics, json, markdown, Timestamp};
    use std::hint::black_box;

    fn round_trip(c: &mut Criterion) {
        let alliance = common::large();
        let now = Timestamp::from_unix_seconds(1_795_442_520);
        let file = json::export(&alliance, now).expect("export");
        let text_chars: usize = file.chars().count();
        println!(
            "large alliance: {} commitments, {} characters of JSON, {} bytes",
            alliance.commitments.len(),
            text_chars,
            file.len()
        );

        c.bench_function("export JSON (large)", |b| {
            b.iter(|| json::export(black_box(&alliance), now))
        });
        c.bench_function("import JSON (large)", |b| {
            b.iter(|| json::import(black_box(file.as_bytes())))
        });
        c.bench_function("round trip JSON (large)", |b| {
            b.iter(|| {
                let f = json::export(black_box(&alliance), now).expect("export");
                json::import(f.as_bytes()).expect("import")
            })
        });
        c.bench_function("Markdown (large)", |b| {
            b.iter(|| markdown::to_markdown(black_box(&alliance), now))
        });
        c.bench_function("calendar (large)", |b| {
            b.iter(|| ics::to_ics(black_box(&alliance), now))
        });
    }

    criterion_group! {
        name = benches;
        config = Criterion::default().sample_size(50).warm_up_time(std::time::Duration::from_millis(500)).measurement_time(std::time::Duration::from_secs(2));
        targets = round_trip
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
