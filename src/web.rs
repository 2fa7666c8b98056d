//! Everything that touches the browser: the window, the DOM, storage, the address, the
//! service worker, idle callbacks. It runs in effects and event handlers only, never while
//! a component renders, and it may import the pure crate only, besides its own modules.

pub mod browser;
pub mod data;
pub mod hydration;
pub mod location;
