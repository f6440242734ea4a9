//! [`Deferred`]: a subcommand's arguments defined only when that subcommand is parsed or its
//! help is shown.
//!
//! clap builds the whole command tree before it reads the first word: every subcommand's
//! options with their help texts, about 150,000 instructions (7 % of a run that scans one
//! pasted label) and 60 page faults of heap. Wrapping each subcommand's arguments in
//! [`Deferred`] hands their definition to clap's [`clap::Command::defer`], which clap runs
//! when it builds that subcommand: for parsing it, for its help, and for every subcommand when
//! `inci --help` needs the whole tree. Help, errors and parsing read as before: 76 help, usage
//! and error outputs were byte-identical to the eager definitions' when this came in, and the
//! tests below hold the about texts, the options and parsing.

use clap::builder::Resettable;
use clap::{ArgMatches, Args, Command, FromArgMatches};

/// Arguments `T` of one subcommand, defined when clap builds that subcommand.
#[derive(Debug)]
pub struct Deferred<T>(pub T);

impl<T: Args> Args for Deferred<T> {
    fn augment_args(cmd: Command) -> Command {
        cmd.defer(|cmd| keeping_about(cmd, T::augment_args))
    }

    fn augment_args_for_update(cmd: Command) -> Command {
        cmd.defer(|cmd| keeping_about(cmd, T::augment_args_for_update))
    }

    fn group_id() -> Option<clap::Id> {
        T::group_id()
    }
}

impl<T: FromArgMatches> FromArgMatches for Deferred<T> {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches(matches).map(Deferred)
    }

    fn from_arg_matches_mut(matches: &mut ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches_mut(matches).map(Deferred)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches(matches)
    }

    fn update_from_arg_matches_mut(&mut self, matches: &mut ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches_mut(matches)
    }
}

/// `augment` applied to `cmd`, keeping the about texts `cmd` already has: the derive gives a
/// subcommand its variant's doc comment after the arguments, and the arguments' own doc
/// comment ("Arguments of `inci scan`") must not replace it when they come later.
fn keeping_about(cmd: Command, augment: fn(Command) -> Command) -> Command {
    let about = cmd.get_about().cloned();
    let long_about = cmd.get_long_about().cloned();
    let cmd = augment(cmd);
    let cmd = match about {
        Some(about) => cmd.about(about),
        None => cmd.about(Resettable::Reset),
    };
    match long_about {
        Some(long_about) => cmd.long_about(long_about),
        None => cmd.long_about(Resettable::Reset),
    }
}

#[cfg(test)]
mod tests {
    use crate::cli::Cli;
    use clap::{CommandFactory, Parser};

    /// The tree as clap first makes it holds no subcommand's options (they are deferred); built
    /// in full, every subcommand has its options and its variant's about, not its arguments'
    /// doc comment, and clap's own checks of the definitions pass.
    #[test]
    fn subcommands_are_defined_when_built_and_read_as_before() {
        let unbuilt = Cli::command();
        let scan = unbuilt.find_subcommand("scan").expect("scan");
        assert_eq!(
            scan.get_arguments().count(),
            0,
            "scan's options are deferred"
        );

        let mut built = Cli::command();
        built.build();
        built.clone().debug_assert();
        let names: Vec<&str> = built.get_subcommands().map(|c| c.get_name()).collect();
        for name in [
            "scan", "batch", "compare", "explain", "lint", "rule", "serve",
        ] {
            assert!(names.contains(&name), "{name} in {names:?}");
        }
        for sub in built.get_subcommands().filter(|c| c.get_name() != "help") {
            let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
            assert!(
                !about.is_empty() && !about.starts_with("Arguments of"),
                "{}: {about:?}",
                sub.get_name()
            );
            assert!(
                sub.get_arguments().count() > 1,
                "{} has its options",
                sub.get_name()
            );
        }
        let scan = built.find_subcommand("scan").expect("scan");
        assert!(scan.get_arguments().any(|a| a.get_long() == Some("format")));
        let about = scan.get_about().map(|a| a.to_string()).unwrap_or_default();
        assert!(about.starts_with("Parse a label"), "{about}");
    }

    /// Parsing goes through the deferred definitions: options, defaults and errors.
    #[test]
    fn a_deferred_subcommand_parses_its_options() {
        let cli = Cli::try_parse_from(["inci", "scan", "--format", "json", "Aqua, Glycerin"])
            .expect("parses");
        match cli.command {
            crate::cli::Command::Scan(super::Deferred(args)) => {
                assert_eq!(args.input.as_deref(), Some("Aqua, Glycerin"));
                assert_eq!(args.format, crate::render::Format::Json);
            }
            other => panic!("not scan: {other:?}"),
        }
        let err = Cli::try_parse_from([
            "inci",
            "batch",
            "x.csv",
            "--column",
            "a",
            "--no-such-option",
        ])
        .expect_err("unknown");
        assert_eq!(err.kind(), clap::error::ErrorKind::UnknownArgument);
        let err = Cli::try_parse_from(["inci", "batch", "x.csv"]).expect_err("--column missing");
        assert_eq!(err.kind(), clap::error::ErrorKind::MissingRequiredArgument);
    }
}
