//! Guessed names: a name read only by dropping debris (`Benzophenone-$`) is a guess. Its
//! findings say so and raise nothing above low on their own.

use crate::ingredient::Ingredient;
use crate::risk::{Finding, Severity};

/// Caps and rewords `findings`, the ingredient's own, when its name was guessed.
pub(crate) fn cap(ing: &Ingredient, name: &str, findings: &mut [Finding]) {
    if ing.matched_via != crate::resolve::Via::Guessed {
        return;
    }
    for f in findings {
        f.severity = f.severity.min(Severity::Low);
        f.message = format!(
            "read as {name} from \"{}\" (characters dropped): {}",
            ing.raw.trim(),
            f.message
        );
    }
}
