//! The benchmark's month: one care-manager office, 8 partner offices, 300 persons, each person
//! using every partner every day of a 30-day month. Every partner's 第6表 carries the full slip
//! (all 8 offices' rows, spec.md §2), so each 予定 file has 72,000 records; each 実績 9,000.

use crate::support::{encode, UsageLine};

pub const PERSONS: usize = 300;
pub const PARTNERS: usize = 8;
pub const DAYS: u32 = 30;
pub const MONTH: &str = "202504";
pub const CARE_MANAGER: &str = "1371234567";
pub const TYPES: [&str; PARTNERS] = ["11", "13", "14", "15", "16", "31", "71", "78"];

pub fn partner_number(k: usize) -> String {
    format!("13720000{k:02}")
}

fn insured(p: usize) -> String {
    format!("{:010}", p + 1)
}

fn usage_row(out: &mut String, p: usize, k: usize, day: u32, start: u32) {
    UsageLine {
        care_manager: CARE_MANAGER,
        partner: &partner_number(k),
        insured: &insured(p),
        month: MONTH,
        day,
        start,
        service_code: &format!("{}1111", TYPES[k]),
        units: 200 + k * 10,
    }
    .push_to(out);
}

/// 予定: the full slip of every person (all partners, every day).
pub fn plan_bytes() -> Vec<u8> {
    let mut text = String::with_capacity(PERSONS * PARTNERS * DAYS as usize * 160);
    for p in 0..PERSONS {
        for k in 0..PARTNERS {
            for day in 1..=DAYS {
                usage_row(&mut text, p, k, day, 8 + k as u32);
            }
        }
    }
    encode(&text)
}

/// 第7表: per person one row per partner plus the grand total.
pub fn detail_bytes() -> Vec<u8> {
    let mut text = String::new();
    for p in 0..PERSONS {
        let mut total = 0;
        for (k, service_type) in TYPES.iter().enumerate() {
            let units = 200 + k * 10;
            total += units * DAYS as usize;
            text.push_str(&format!(
                "202407,131016,{},20250325,{MONTH},\"事業所\",{},,{}1111,,,,{units},,,{DAYS},{},,,,,,,,,,,,,,,,0,,,,\r\n",
                insured(p),
                partner_number(k),
                service_type,
                units * DAYS as usize,
            ));
        }
        text.push_str(&format!(
            "202407,131016,{},20250325,{MONTH},,9999999999,,999999,,,,0,,,0,{total},,,,,,,,,,,,,,,,0,,,,\r\n",
            insured(p)
        ));
    }
    encode(&text)
}

/// 実績 of partner `k`: as planned, except every 10th person misses day 5 and comes an hour
/// late on day 6.
pub fn actual_bytes(k: usize) -> Vec<u8> {
    let mut text = String::new();
    for p in 0..PERSONS {
        for day in 1..=DAYS {
            let odd = p % 10 == 0;
            if odd && day == 5 {
                continue;
            }
            let start = 8 + k as u32 + u32::from(odd && day == 6);
            usage_row(&mut text, p, k, day, start);
        }
    }
    encode(&text)
}

/// Persons of every file, as the exchange stores them.
pub fn persons_json() -> String {
    let persons: Vec<serde_json::Value> = (0..PERSONS)
        .map(|p| serde_json::json!({"insurer": "131016", "insured": insured(p), "name": null, "kana": null}))
        .collect();
    serde_json::Value::Array(persons).to_string()
}
