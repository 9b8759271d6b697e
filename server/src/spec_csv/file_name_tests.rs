use super::*;
use proptest::prelude::*;

fn ok(name: &str) -> SpecFileName {
    match parse(name) {
        Ok(n) => n,
        Err(e) => panic!("{name}: {e}"),
    }
}

#[test]
fn every_prefix_parses_in_its_v41_form() {
    for kind in FileKind::ALL {
        let month = if kind.has_month() { "_202504" } else { "" };
        let tail = if kind.is_image() { "_0001.jpg" } else { ".CSV" };
        let name = format!(
            "{}{month}_0300000100_43_0300000005_11_20250401120000{tail}",
            kind.prefix()
        );
        let parsed = ok(&name);
        assert_eq!(parsed.kind, kind);
        assert_eq!(parsed.version, NameVersion::V41);
        assert_eq!(parsed.to_string(), name);
    }
}

#[test]
fn every_prefix_parses_in_its_v3_form() {
    for kind in FileKind::ALL {
        let month = if kind.has_month() { "_202301" } else { "" };
        let tail = if kind.is_image() { "_0001.jpg" } else { ".CSV" };
        let name = format!(
            "{}{month}_0300000100_0300000005_20230101120000{tail}",
            kind.prefix()
        );
        let parsed = ok(&name);
        assert_eq!(parsed.kind, kind);
        assert_eq!(parsed.version, NameVersion::V3);
        assert_eq!(parsed.sender.service_type, None);
    }
}

#[test]
fn the_spec_example_yields_all_parts() {
    let n = ok("UPPLAN_201912_0300000100_43_0300000005_11_20191025200201.CSV");
    assert_eq!(n.kind, FileKind::UsagePlan);
    assert_eq!(
        n.target_month().map(|m| m.to_string()),
        Some("201912".into())
    );
    assert_eq!(n.sender.office.as_str(), "0300000100");
    assert_eq!(
        n.sender.service_type.as_ref().map(|t| t.as_str()),
        Some("43")
    );
    assert_eq!(n.destination.office.as_str(), "0300000005");
    assert_eq!(
        n.destination.service_type.as_ref().map(|t| t.as_str()),
        Some("11")
    );
    assert_eq!(n.stamp.to_string(), "20191025200201");
}

#[test]
fn alphanumeric_service_types_are_accepted() {
    let n = ok("UPJSK_202504_0300000005_2A_0300000100_43_20250501090000.CSV");
    assert_eq!(
        n.sender.service_type.as_ref().map(|t| t.as_str()),
        Some("2A")
    );
    let n = ok("UPPLAN_202504_0300000100_AF_0300000005_A2_20250501090000.csv");
    assert_eq!(
        n.destination.service_type.as_ref().map(|t| t.as_str()),
        Some("A2")
    );
}

#[test]
fn a_plan_tied_supplement_uses_six_zeros() {
    let n = ok("UPHOSOKU_000000_0300000100_43_0300000005_11_20191025200201.CSV");
    assert_eq!(n.month, NameMonth::PlanTied);
    assert_eq!(
        parse("UPPLAN_000000_0300000100_43_0300000005_11_20191025200201.CSV"),
        Err(FileNameError::BadMonth)
    );
}

#[test]
fn extension_case_is_ignored() {
    ok("UP1KYO_0300000100_43_0300000005_11_20191025200201.csv");
    ok("UPKIHON_IMAGE_0300000100_46_0300000005_A2_20250401120000_0002.JPG");
    assert_eq!(
        parse("UP1KYO_0300000100_43_0300000005_11_20191025200201.jpg"),
        Err(FileNameError::BadExtension)
    );
    assert_eq!(
        parse("UPKIHON_IMAGE_0300000100_46_0300000005_A2_20250401120000_0002.CSV"),
        Err(FileNameError::BadExtension)
    );
    assert_eq!(
        parse("UP1KYO_0300000100_43_0300000005_11_20191025200201"),
        Err(FileNameError::BadExtension)
    );
}

#[test]
fn an_unknown_prefix_is_rejected() {
    assert_eq!(
        parse("UPFOO_0300000100_43_0300000005_11_20191025200201.CSV"),
        Err(FileNameError::UnknownPrefix)
    );
    assert_eq!(
        parse("UPPLANX_202504_0300000100_43_0300000005_11_20191025200201.CSV"),
        Err(FileNameError::UnknownPrefix)
    );
}

#[test]
fn a_wrong_field_count_is_rejected() {
    assert_eq!(
        parse("UP1KYO_0300000100_43_0300000005_20191025200201.CSV"),
        Err(FileNameError::FieldCount { found: 4 })
    );
    assert_eq!(
        parse("UPPLAN_0300000100_43_0300000005_11_20191025200201.CSV"),
        Err(FileNameError::FieldCount { found: 5 })
    );
}

#[test]
fn a_nine_digit_office_is_rejected() {
    assert_eq!(
        parse("UP1KYO_123456789_43_0300000005_11_20191025200201.CSV"),
        Err(FileNameError::BadOffice)
    );
}

#[test]
fn bad_dates_and_times_are_rejected() {
    assert_eq!(
        parse("UPPLAN_202513_0300000100_43_0300000005_11_20191025200201.CSV"),
        Err(FileNameError::BadMonth)
    );
    assert_eq!(
        parse("UP1KYO_0300000100_43_0300000005_11_20190230200201.CSV"),
        Err(FileNameError::BadStamp)
    );
    assert_eq!(
        parse("UP1KYO_0300000100_43_0300000005_11_201910252002011.CSV"),
        Err(FileNameError::BadStamp)
    );
    assert_eq!(
        parse("UP1KYO_0300000100_43_0300000005_11_20191025250201.CSV"),
        Err(FileNameError::BadStamp)
    );
}

#[test]
fn a_bad_service_type_is_rejected() {
    assert_eq!(
        parse("UP1KYO_0300000100_4_0300000005_11_20191025200201.CSV"),
        Err(FileNameError::BadServiceType)
    );
    assert_eq!(
        parse("UP1KYO_0300000100_433_0300000005_11_20191025200201.CSV"),
        Err(FileNameError::BadServiceType)
    );
}

#[test]
fn path_separators_and_control_characters_are_rejected() {
    assert!(matches!(
        parse("../UP1KYO_0300000100_43_0300000005_11_20191025200201.CSV"),
        Err(FileNameError::ForbiddenCharacter('/'))
    ));
    assert!(matches!(
        parse("a\\UP1KYO.CSV"),
        Err(FileNameError::ForbiddenCharacter('\\'))
    ));
    assert!(matches!(
        parse("UP1KYO_0300000100_43\n_0300000005_11_20191025200201.CSV"),
        Err(FileNameError::ForbiddenCharacter('\n'))
    ));
    assert!(matches!(
        parse("UP1KYO_０300000100_43_0300000005_11_20191025200201.CSV"),
        Err(FileNameError::ForbiddenCharacter(_))
    ));
    assert_eq!(parse(&"U".repeat(300)), Err(FileNameError::TooLong));
}

#[test]
fn an_image_needs_a_four_digit_branch() {
    assert_eq!(
        parse("UPKIHON_IMAGE_0300000100_46_0300000005_A2_20250401120000_01.jpg"),
        Err(FileNameError::BadImageBranch)
    );
    assert_eq!(
        ok("UPKIHON_IMAGE_0300000100_46_0300000005_A2_20250401120000_0012.jpg").image_branch,
        Some(12)
    );
}

fn arb_name() -> impl Strategy<Value = SpecFileName> {
    let kind = proptest::sample::select(FileKind::ALL.to_vec());
    let office = "[0-9A-Z]{10}".prop_map(|s| OfficeNumber::parse(&s));
    let st = proptest::option::of("[0-9A-Z]{2}".prop_map(|s| ServiceTypeCode::parse(&s)));
    (
        kind,
        office.clone(),
        office,
        st,
        any::<bool>(),
        1u16..=9999,
        1u8..=12,
        1u16..=9999,
        0u32..86400,
        any::<bool>(),
    )
        .prop_filter_map(
            "valid parts",
            |(kind, s, d, st, plan_tied, y, m, branch, secs, v3)| {
                let st = if v3 { None } else { Some(st?.ok()?) };
                let month = match (kind.has_month(), plan_tied && kind == FileKind::Supplement) {
                    (false, _) => NameMonth::Absent,
                    (true, true) => NameMonth::PlanTied,
                    (true, false) => NameMonth::Month(YearMonth::new(y, m)?),
                };
                let stamp_text = format!(
                    "{y:04}{m:02}15{:02}{:02}{:02}",
                    secs / 3600,
                    secs / 60 % 60,
                    secs % 60
                );
                Some(SpecFileName {
                    kind,
                    version: if v3 {
                        NameVersion::V3
                    } else {
                        NameVersion::V41
                    },
                    month,
                    sender: Party {
                        office: s.ok()?,
                        service_type: st.clone(),
                    },
                    destination: Party {
                        office: d.ok()?,
                        service_type: st,
                    },
                    stamp: SendStamp::parse(&stamp_text).ok()?,
                    image_branch: kind.is_image().then_some(branch),
                })
            },
        )
}

proptest! {
    #[test]
    fn file_names_survive_format_then_parse(name in arb_name()) {
        prop_assert_eq!(parse(&name.to_string()), Ok(name));
    }

    #[test]
    fn parsing_any_text_never_panics(s in "\\PC{0,120}") {
        let _ = parse(&s);
    }
}
