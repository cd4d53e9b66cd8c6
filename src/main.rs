//! The binary Trunk builds: everything lives in the library so tests can use it.

fn main() {
    designed_alliance::start();
}
