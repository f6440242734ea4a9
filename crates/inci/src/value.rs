//! Reading closed sets from text: the one error for a name that is not one of a set's values,
//! shared by profiles, product types and markets (the command line, `inci.toml`, the web API and
//! the Python package all read them).

/// A name that is not one of a closed set's values: says which set and lists the values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue {
    what: &'static str,
    given: String,
    expected: Vec<String>,
}

impl UnknownValue {
    /// `given` is not a `what`; `expected` lists the values that are.
    pub fn new<T: Into<String>>(
        what: &'static str,
        given: &str,
        expected: impl IntoIterator<Item = T>,
    ) -> UnknownValue {
        UnknownValue {
            what,
            given: given.to_owned(),
            expected: expected.into_iter().map(Into::into).collect(),
        }
    }
}

impl std::fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "unknown {} {:?}; one of: {}",
            self.what,
            self.given,
            self.expected.join(", ")
        )
    }
}

impl std::error::Error for UnknownValue {}
