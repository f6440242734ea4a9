//! Names read by a guess or a correction. A name read only by dropping debris
//! (`Benzophenone-$`) is a guess: its findings say so and raise nothing above low on their own.
//! A misspelling corrected under the rules of [`inci_dict::near`] (`Citronnellol`) is certain:
//! its findings keep their severity and say what was printed and how it was read.

use crate::ingredient::Ingredient;
use crate::resolve::Via;
use crate::risk::{Finding, Severity};

/// Caps and rewords `findings`, the ingredient's own, when its name was guessed; rewords them
/// when it was corrected.
pub(crate) fn cap(ing: &Ingredient, name: &str, findings: &mut [Finding]) {
    match ing.matched_via {
        Via::Guessed => {
            for f in findings {
                f.severity = f.severity.min(Severity::Low);
                f.message = format!(
                    "read as {name} from \"{}\" (characters dropped): {}",
                    ing.raw.trim(),
                    f.message
                );
            }
        }
        Via::Correction => {
            for f in findings {
                f.message = format!(
                    "printed as \"{}\", read as {name} (a misspelling): {}",
                    ing.raw.trim(),
                    f.message
                );
            }
        }
        _ => {}
    }
}
