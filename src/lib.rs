//! copydesk
pub mod layout;
pub mod rules;
pub mod segment;
pub mod span;
