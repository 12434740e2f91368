//! dlopen and friends.
