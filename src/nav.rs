//! The router as the Leptos pages (the checker's, the journal's) read it: a signal of the
//! location that `router` feeds, so components track the page and its parameters. Every
//! change goes through `router` (`router::go`, `router::set_param`), the one owner of the
//! location.

use crate::router::{self, Location};
use aftercare_core::route::Route;
use leptos::prelude::*;

/// The navigation handle, provided as context by the app.
#[derive(Clone, Copy)]
pub struct Nav {
    location: RwSignal<Location>,
    route: Memo<Route>,
}

impl Nav {
    /// Follows the router and provides the handle as context. Call once, in the app's root.
    pub fn install() -> Nav {
        let location = RwSignal::new(router::location());
        router::subscribe(move |now| {
            location.try_set(now.clone());
        });
        let route = Memo::new(move |_| location.with(|l| l.route));
        let nav = Nav { location, route };
        provide_context(nav);
        nav
    }

    /// The navigation handle provided by the app (installed here if it was not, which only
    /// happens outside the app).
    pub fn get() -> Nav {
        use_context::<Nav>().unwrap_or_else(Nav::install)
    }

    /// The current page (changes only when the page does, not its parameters).
    pub fn route(self) -> Memo<Route> {
        self.route
    }

    /// A query parameter of the current location, tracked.
    pub fn param(self, name: &'static str) -> Signal<String> {
        let location = self.location;
        Memo::new(move |_| location.with(|l| l.params.get(name).unwrap_or_default().to_owned()))
            .into()
    }
}
