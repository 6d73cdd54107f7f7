//! Reading a RON events file in one pass: the lists whole, the events one by one, straight
//! into the [`Builder`], which checks each event and keeps it as spans of the file's text.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::model::build::{Builder, RawEvent};

/// Reads `text` into `builder` in one pass. A syntax or type error stops the read and is
/// returned; the builder keeps the problems it found in the events.
pub(super) fn read<'s>(
    text: &'s str,
    builder: &mut Builder<'s>,
) -> Result<(), ron::error::SpannedError> {
    super::ron_options().from_str_seed(text, Document { builder })
}

const FIELDS: &[&str] = &[
    "title",
    "description",
    "categories",
    "places",
    "actors",
    "eras",
    "events",
    "tours",
];

#[derive(Clone, Copy, Deserialize)]
#[serde(field_identifier, rename_all = "lowercase")]
enum Field {
    Title,
    Description,
    Categories,
    Places,
    Actors,
    Eras,
    Events,
    Tours,
}

/// The whole file: `Timeline(title: …, categories: […], events: […], …)`.
struct Document<'b, 's> {
    builder: &'b mut Builder<'s>,
}

impl<'s> DeserializeSeed<'s> for Document<'_, 's> {
    type Value = ();

    fn deserialize<D: Deserializer<'s>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_struct("Timeline", FIELDS, self)
    }
}

impl<'s> Visitor<'s> for Document<'_, 's> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct Timeline")
    }

    fn visit_map<A: MapAccess<'s>>(self, mut map: A) -> Result<(), A::Error> {
        let builder = self.builder;
        let mut seen = [false; 8];
        while let Some(field) = map.next_key::<Field>()? {
            let slot = field as usize;
            if std::mem::replace(&mut seen[slot], true) {
                return Err(de::Error::duplicate_field(FIELDS[slot]));
            }
            match field {
                Field::Title => builder.title(map.next_value()?),
                Field::Description => builder.description(map.next_value()?),
                Field::Categories => builder.categories(map.next_value()?),
                Field::Places => builder.places(map.next_value()?),
                Field::Actors => builder.actors(map.next_value()?),
                Field::Eras => builder.eras(map.next_value()?),
                Field::Tours => builder.tours(map.next_value()?),
                Field::Events => map.next_value_seed(Events {
                    builder: &mut *builder,
                })?,
            }
        }
        for required in [Field::Title, Field::Categories, Field::Events] {
            if !seen[required as usize] {
                return Err(de::Error::missing_field(FIELDS[required as usize]));
            }
        }
        Ok(())
    }
}

/// The list of events, each handed to the builder as soon as it is read.
struct Events<'b, 's> {
    builder: &'b mut Builder<'s>,
}

impl<'s> DeserializeSeed<'s> for Events<'_, 's> {
    type Value = ();

    fn deserialize<D: Deserializer<'s>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'s> Visitor<'s> for Events<'_, 's> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of events")
    }

    fn visit_seq<A: SeqAccess<'s>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(event) = seq.next_element::<RawEvent<'s>>()? {
            self.builder.event(event);
        }
        Ok(())
    }
}
