//! Every keyboard shortcut in one table: the window, the presentation and the help read it.

use egui::{Key, Modifiers};

/// What a shortcut does; [`super::App`] turns it into a command for the current state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Start presenting the chosen tour.
    Present,
    /// Put the cursor in the search field.
    FocusSearch,
    /// Select the next shown event.
    Next,
    /// Select the previous shown event.
    Previous,
    /// Select the nearest event in the lane above.
    LaneUp,
    /// Select the nearest event in the lane below.
    LaneDown,
    /// Select the first shown event.
    First,
    /// Select the last shown event.
    Last,
    /// Clear the selection.
    ClearSelection,
    /// Zoom in around the centre.
    ZoomIn,
    /// Zoom out around the centre.
    ZoomOut,
    /// Bring the selected event into view.
    ShowSelected,
    /// Leave the presentation.
    Leave,
    /// Next step.
    NextStep,
    /// The step whose number was typed, else the next one.
    TypedOrNextStep,
    /// Previous step.
    PreviousStep,
    /// First step.
    FirstStep,
    /// Last step.
    LastStep,
    /// Blank the screen.
    Blank,
    /// Show or hide the teaching note on the audience screen.
    AudienceNotes,
    /// Open or close the presenter window.
    PresenterWindow,
    /// Play or pause stepping on by itself.
    Autoplay,
    /// Show or hide the help.
    Help,
    /// Show or hide the map.
    ToggleMap,
    /// Start or pause playback.
    Play,
    /// Playback: one step forward.
    PlayForward,
    /// Playback: one step back.
    PlayBack,
    /// Play faster.
    PlayFaster,
    /// Play slower.
    PlaySlower,
}

/// A shortcut: the keys that trigger it, what it does, and its help text (a message id).
#[derive(Clone, Copy, Debug)]
pub struct Shortcut {
    /// Any of these (modifiers, key) pairs.
    pub keys: &'static [(Modifiers, Key)],
    /// What it does.
    pub action: Action,
    /// Message id of its description, for the help.
    pub help: &'static str,
}

const NONE: Modifiers = Modifiers::NONE;

/// The window's shortcuts; none of them works while a text field has the focus, except
/// [`Action::FocusSearch`] with Ctrl.
pub const WINDOW: &[Shortcut] = &[
    Shortcut {
        keys: &[(NONE, Key::F1), (NONE, Key::Questionmark)],
        action: Action::Help,
        help: "key-help",
    },
    Shortcut {
        keys: &[(NONE, Key::F5)],
        action: Action::Present,
        help: "key-present",
    },
    Shortcut {
        keys: &[(Modifiers::COMMAND, Key::F), (NONE, Key::Slash)],
        action: Action::FocusSearch,
        help: "key-search",
    },
    Shortcut {
        keys: &[(NONE, Key::ArrowRight)],
        action: Action::Next,
        help: "key-next",
    },
    Shortcut {
        keys: &[(NONE, Key::ArrowLeft)],
        action: Action::Previous,
        help: "key-previous",
    },
    Shortcut {
        keys: &[(NONE, Key::ArrowUp), (Modifiers::SHIFT, Key::ArrowUp)],
        action: Action::LaneUp,
        help: "key-lane-up",
    },
    Shortcut {
        keys: &[(NONE, Key::ArrowDown), (Modifiers::SHIFT, Key::ArrowDown)],
        action: Action::LaneDown,
        help: "key-lane-down",
    },
    Shortcut {
        keys: &[(NONE, Key::Home)],
        action: Action::First,
        help: "key-first",
    },
    Shortcut {
        keys: &[(NONE, Key::End)],
        action: Action::Last,
        help: "key-last",
    },
    Shortcut {
        keys: &[(NONE, Key::Escape)],
        action: Action::ClearSelection,
        help: "key-clear",
    },
    Shortcut {
        keys: &[
            (NONE, Key::Plus),
            (NONE, Key::Equals),
            (Modifiers::SHIFT, Key::Equals),
        ],
        action: Action::ZoomIn,
        help: "key-zoom-in",
    },
    Shortcut {
        keys: &[(NONE, Key::Minus)],
        action: Action::ZoomOut,
        help: "key-zoom-out",
    },
    Shortcut {
        keys: &[(NONE, Key::Enter)],
        action: Action::ShowSelected,
        help: "key-show-selected",
    },
    Shortcut {
        keys: &[(NONE, Key::M)],
        action: Action::ToggleMap,
        help: "key-map",
    },
    Shortcut {
        keys: &[(NONE, Key::P)],
        action: Action::Play,
        help: "key-play",
    },
    Shortcut {
        keys: &[(NONE, Key::Period)],
        action: Action::PlayForward,
        help: "key-play-forward",
    },
    Shortcut {
        keys: &[(NONE, Key::Comma)],
        action: Action::PlayBack,
        help: "key-play-back",
    },
    Shortcut {
        keys: &[(NONE, Key::CloseBracket)],
        action: Action::PlayFaster,
        help: "key-play-faster",
    },
    Shortcut {
        keys: &[(NONE, Key::OpenBracket)],
        action: Action::PlaySlower,
        help: "key-play-slower",
    },
];

/// The presentation's shortcuts (a clicker sends PageDown, PageUp and B). Digits typed before
/// Enter choose a step; while the screen is blank, any key brings it back.
pub const PRESENTATION: &[Shortcut] = &[
    Shortcut {
        keys: &[(NONE, Key::Escape)],
        action: Action::Leave,
        help: "key-leave",
    },
    Shortcut {
        keys: &[
            (NONE, Key::ArrowRight),
            (NONE, Key::PageDown),
            (NONE, Key::Space),
        ],
        action: Action::NextStep,
        help: "key-next-step",
    },
    Shortcut {
        keys: &[(NONE, Key::Enter)],
        action: Action::TypedOrNextStep,
        help: "key-typed-step",
    },
    Shortcut {
        keys: &[
            (NONE, Key::ArrowLeft),
            (NONE, Key::PageUp),
            (NONE, Key::Backspace),
        ],
        action: Action::PreviousStep,
        help: "key-previous-step",
    },
    Shortcut {
        keys: &[(NONE, Key::Home)],
        action: Action::FirstStep,
        help: "key-first-step",
    },
    Shortcut {
        keys: &[(NONE, Key::End)],
        action: Action::LastStep,
        help: "key-last-step",
    },
    Shortcut {
        keys: &[(NONE, Key::B)],
        action: Action::Blank,
        help: "key-blank",
    },
    Shortcut {
        keys: &[(NONE, Key::N)],
        action: Action::AudienceNotes,
        help: "key-audience-notes",
    },
    Shortcut {
        keys: &[(NONE, Key::P)],
        action: Action::PresenterWindow,
        help: "key-presenter",
    },
    Shortcut {
        keys: &[(NONE, Key::A)],
        action: Action::Autoplay,
        help: "key-autoplay",
    },
];

/// The action of a key in `table`, whatever the modifiers (a clicker's keys come bare).
pub fn action_of(table: &[Shortcut], key: Key) -> Option<Action> {
    table
        .iter()
        .find(|s| s.keys.iter().any(|(_, k)| *k == key))
        .map(|s| s.action)
}

/// Consumes the window shortcuts pressed this frame, in table order, except those `skip`
/// leaves to the widgets (Esc while a menu is open is the menu's).
pub fn consume_window(input: &mut egui::InputState, skip: impl Fn(Action) -> bool) -> Vec<Action> {
    let mut actions = Vec::new();
    for shortcut in WINDOW.iter().filter(|s| !skip(s.action)) {
        // Every key of a shortcut is consumed, so that none of them reaches a widget.
        let mut pressed = false;
        for (modifiers, key) in shortcut.keys {
            pressed |= input.consume_key(*modifiers, *key);
        }
        if pressed {
            actions.push(shortcut.action);
        }
    }
    actions
}

/// How a shortcut reads in the help: "Ctrl+F or /".
pub fn keys_text(shortcut: &Shortcut) -> String {
    shortcut
        .keys
        .iter()
        .map(|(modifiers, key)| {
            let mut text = String::new();
            if modifiers.command || modifiers.ctrl {
                text.push_str("Ctrl+");
            }
            if modifiers.shift {
                text.push_str("Shift+");
            }
            text.push_str(key.name());
            text
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_means_two_things_in_one_table() {
        for table in [WINDOW, PRESENTATION] {
            let mut seen = Vec::new();
            for shortcut in table {
                for pair in shortcut.keys {
                    assert!(!seen.contains(pair), "{pair:?} twice");
                    seen.push(*pair);
                }
            }
        }
    }

    #[test]
    fn every_shortcut_has_its_help_in_every_language() {
        for shortcut in WINDOW.iter().chain(PRESENTATION) {
            for lang in crate::model::Lang::ALL {
                let text = crate::i18n::t(lang, shortcut.help);
                assert_ne!(text, shortcut.help, "{} in {lang}", shortcut.help);
            }
        }
    }
}
