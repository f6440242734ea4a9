//! `inci serve`: the local web page and JSON API.

use super::Outcome;
use clap::Args;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

/// Arguments of `inci serve`.
#[derive(Debug, Args)]
#[command(
    after_help = "Open the address it prints, paste a label (or drop a .txt file) and read the report; the Lint tab checks pack text and applies safe fixes.\n\nThe API answers with the command line's JSON:\n  curl -s --data-binary @label.txt 'http://127.0.0.1:8080/api/scan?profile=sensitive'\n  curl -s --data-binary @pack.txt http://127.0.0.1:8080/api/lint\n  curl -s 'http://127.0.0.1:8080/api/explain?name=linalol'\n\nBodies over 1 MiB get 413, invalid UTF-8 400. Ctrl-C stops after the requests in flight."
)]
pub struct ServeArgs {
    /// Port to listen on (0: any free port, printed at start).
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Address to listen on. The default serves this machine only; 0.0.0.0 serves the network
    /// (there is no authentication).
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    pub bind: IpAddr,
    /// Log one line per request (method, path, status, time) to standard error.
    #[arg(short, long)]
    pub verbose: bool,
    /// A host name the server answers to besides the loopback names and the bound address
    /// (repeat for several): needed with --bind 0.0.0.0, whose clients name the machine by its
    /// own name or address. Requests naming any other host get 403 (DNS rebinding).
    #[arg(long = "allow-host", value_name = "NAME")]
    pub allow_host: Vec<String>,
    /// Markets ticked in the page's picker and applied to an API call that names none: one, a
    /// comma list (eu,kr,us) or all (see inci scan --help).
    #[arg(long, value_name = "MARKETS", value_parser = super::choices::parse_markets, default_value = "eu")]
    pub market: inci::market::Markets,
}

/// Runs `inci serve` until Ctrl-C.
pub fn run(args: &ServeArgs) -> anyhow::Result<Outcome> {
    crate::serve::run(
        SocketAddr::new(args.bind, args.port),
        args.verbose,
        crate::serve::Settings {
            markets: args.market,
            allowed_hosts: crate::serve::boundary::AllowedHosts::new(args.bind, &args.allow_host),
            limits: crate::serve::listener::Limits::default(),
        },
    )?;
    Ok(Outcome::Success)
}
