//! The `layout!` macro: one declaration gives the struct, its column table and its conversions,
//! so the Japanese names, lengths and order are written exactly once per layout.

/// Declares a record type whose fields are the layout's columns, in file order.
macro_rules! layout {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $field:ident : $ja:literal, $len:expr, $req:expr, $fmt:expr; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
        pub struct $name {
            $( #[doc = $ja] pub $field: String, )+
        }

        impl crate::spec_csv::layouts::Record for $name {
            const FIELDS: &'static [crate::spec_csv::layouts::FieldSpec] = &[
                $( crate::spec_csv::layouts::FieldSpec { name: $ja, max_len: $len, required: $req, format: $fmt }, )+
            ];

            fn from_fields(fields: &[&str]) -> Option<Self> {
                if fields.len() != Self::FIELDS.len() {
                    return None;
                }
                let mut it = fields.iter();
                Some(Self { $( $field: (*it.next()?).to_owned(), )+ })
            }

            fn to_fields(&self) -> Vec<&str> {
                vec![ $( self.$field.as_str(), )+ ]
            }
        }
    };
}
pub(crate) use layout;
