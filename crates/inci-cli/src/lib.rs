//! The `inci` command line, apart from the [`inci`] library: argument parsing (clap), rendering
//! to terminals and files, catalog batches (CSV in, JSON Lines or CSV out, in parallel) and
//! `inci.toml` loading, and the local web server (`inci serve`). `main.rs` only calls [`cli::run`].

pub mod batch;
pub mod cli;
pub mod config_file;
pub mod error;
pub mod render;
pub mod serve;
