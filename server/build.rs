//! `sqlx::migrate!` embeds the migrations when the crate compiles, but on stable Rust it cannot
//! tell Cargo to watch them: without this, a new migration file would leave a stale binary.
fn main() {
    println!("cargo:rerun-if-changed=../migrations");
}
