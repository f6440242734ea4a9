//! inci
