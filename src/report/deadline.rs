//! Which deadlines apply to which kind of unit, from the sources in
//! docs/sources/regulation/ (quoted in `guidance`), and simple date arithmetic
//! (no clock here: callers pass today's date).

use serde::{Deserialize, Serialize};

/// The kind of unit writing the report; it decides to whom and by when.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// 县级以上地方政府
    LocalGovernment,
    /// 县级以上政府部门
    Department,
    /// 乡镇人民政府、街道办事处
    TownshipStreet,
    Other,
}

impl UnitKind {
    pub const ALL: [UnitKind; 4] = [UnitKind::Department, UnitKind::LocalGovernment, UnitKind::TownshipStreet, UnitKind::Other];

    pub fn label(self) -> &'static str {
        match self {
            UnitKind::LocalGovernment => "县级以上地方政府",
            UnitKind::Department => "政府部门",
            UnitKind::TownshipStreet => "乡镇、街道",
            UnitKind::Other => "其他单位",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::LocalGovernment => "local_government",
            UnitKind::Department => "department",
            UnitKind::TownshipStreet => "township_street",
            UnitKind::Other => "other",
        }
    }

    pub fn parse(name: &str) -> Option<UnitKind> {
        UnitKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

    /// `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.trim().splitn(3, '-');
        let (y, m, d) = (parts.next()?.parse().ok()?, parts.next()?.parse().ok()?, parts.next()?.parse().ok()?);
        ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some(Date::new(y, m, d))
    }

    /// Days since 1970-01-01 (proleptic Gregorian; Howard Hinnant's algorithm).
    pub fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The date of a Unix time in milliseconds, at UTC+8 (China Standard Time).
    pub fn from_unix_ms_china(ms: i64) -> Date {
        Date::from_days((ms + 8 * 3_600_000).div_euclid(86_400_000))
    }

    pub fn label_zh(self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }

    /// The year a report begun on this day is most likely about. Reports are
    /// drafted from late in the year until the deadlines in March: from
    /// November on, about the year then ending; before, about the year
    /// before. (A clerk starting on 2026年12月1日 writes the 2026 report, one
    /// starting on 2027年2月1日 still writes it.)
    pub fn likely_report_year(self) -> i32 {
        if self.month >= 11 {
            self.year
        } else {
            self.year - 1
        }
    }
}

/// One deadline: by when, and what is due.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadline {
    /// The last day: "每年3月1日之前" means by the end of 2月 (the day before).
    pub by: Date,
    pub what: String,
}

/// The deadlines for a report on `report_year` by a unit of `kind`, as the
/// source quoted in `guidance::REPORTING_DEADLINES` states them: "每年3月1日之前"
/// departments report to 本级党委和政府 and 上一级政府有关部门, 省、市、县政府 to
/// 同级党委、人大常委会, and 市、县、乡党委和政府 to 上一级党委和政府; only the
/// provincial 党委 and 政府 report to 党中央、国务院 "每年4月1日之前". Every
/// report is published "每年4月1日之前" except what involves 党和国家秘密
/// (第二十四条). (The summary gave local governments 4月1日; the
/// quoted text puts city and county governments under 3月1日.)
pub fn deadlines(kind: UnitKind, report_year: i32) -> Vec<Deadline> {
    let y = report_year + 1;
    let mut list = Vec::new();
    match kind {
        UnitKind::Department => list.push(Deadline {
            by: Date::new(y, 3, 1),
            what: "向本级党委和政府、上一级政府有关部门报告，同时抄送本级党委法治建设议事协调机构".into(),
        }),
        UnitKind::LocalGovernment => list.push(Deadline {
            by: Date::new(y, 3, 1),
            what: "市、县政府向同级党委、人大常委会报告，市、县党委和政府向上一级党委和政府报告（省级为4月1日前向党中央、国务院报告）".into(),
        }),
        UnitKind::TownshipStreet => list.push(Deadline {
            by: Date::new(y, 3, 1),
            what: "乡（镇）党委和政府向上一级党委和政府报告，同时抄送上一级党委法治建设议事协调机构".into(),
        }),
        UnitKind::Other => {}
    }
    list.push(Deadline { by: Date::new(y, 4, 1), what: "通过报刊、网站等向社会公开（涉及党和国家秘密的除外）".into() });
    list
}

/// A report year as a person types it: ASCII or full-width digits (an IME
/// gives ２０２６), spaces of either width around it, an optional 年 or 年度
/// after it. `None` unless it is a year from 2000 to 2100.
pub fn parse_year_input(input: &str) -> Option<i32> {
    let s = input.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    let s = s.strip_suffix("年度").or_else(|| s.strip_suffix('年')).unwrap_or(s);
    let digits: String = s
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .collect();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|y| (2000..=2100).contains(y))
}

/// One deadline as the author is told it on the task list, the check page
/// and the start screen: `2027年3月1日之前`, what is due, and how far away.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueLine {
    pub by: String,
    pub what: String,
    /// Days left; negative once the day has passed.
    pub days: i64,
}

impl DueLine {
    /// 还有 N 天 / 今天截止 / 已超过 N 天.
    pub fn when(&self) -> String {
        match self.days {
            d if d < 0 => format!("已超过 {} 天", -d),
            0 => "今天截止".to_string(),
            d => format!("还有 {d} 天"),
        }
    }

    pub fn late(&self) -> bool {
        self.days < 0
    }
}

/// The deadlines for a unit of `kind` reporting on `report_year`, seen from `today`.
pub fn due_lines(kind: UnitKind, report_year: i32, today: Date) -> Vec<DueLine> {
    deadlines(kind, report_year)
        .into_iter()
        .map(|d| DueLine { by: format!("{}之前", d.by.label_zh()), what: d.what, days: days_until(today, d.by) })
        .collect()
}

/// Days from `today` until `date` (negative when it has passed).
pub fn days_until(today: Date, date: Date) -> i64 {
    date.days() - today.days()
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_likely_report_year_turns_in_november() {
        assert_eq!(Date::new(2026, 12, 1).likely_report_year(), 2026);
        assert_eq!(Date::new(2026, 11, 1).likely_report_year(), 2026);
        assert_eq!(Date::new(2026, 10, 31).likely_report_year(), 2025);
        assert_eq!(Date::new(2027, 2, 28).likely_report_year(), 2026);
        assert_eq!(Date::new(2027, 1, 1).likely_report_year(), 2026);
    }

    use super::*;

    #[test]
    fn dates_round_trip_through_day_numbers() {
        assert_eq!(Date::new(1970, 1, 1).days(), 0);
        assert_eq!(Date::new(2024, 3, 1).days() - Date::new(2024, 2, 28).days(), 2); // leap year
        assert_eq!(Date::new(2025, 3, 1).days() - Date::new(2025, 2, 28).days(), 1);
        for d in [-1000, 0, 19_000, 20_500, 60_000] {
            assert_eq!(Date::from_days(d).days(), d);
        }
        assert_eq!(Date::parse("2026-02-20"), Some(Date::new(2026, 2, 20)));
        assert_eq!(Date::parse("2026-13-01"), None);
        // 2026-02-28 16:30 UTC is already 3月1日 00:30 in Beijing.
        assert_eq!(Date::from_unix_ms_china(Date::new(2026, 2, 28).days() * 86_400_000 + 16 * 3_600_000 + 1_800_000), Date::new(2026, 3, 1));
    }

    #[test]
    fn deadlines_by_kind_of_unit() {
        let dept = deadlines(UnitKind::Department, 2025);
        assert_eq!(dept[0].by, Date::new(2026, 3, 1));
        assert!(dept[0].what.contains("上一级政府有关部门"));
        assert_eq!(dept.last().unwrap().by, Date::new(2026, 4, 1));
        // The quoted source puts 市、县 governments under 3月1日 too.
        assert_eq!(deadlines(UnitKind::LocalGovernment, 2025)[0].by, Date::new(2026, 3, 1));
        assert_eq!(deadlines(UnitKind::TownshipStreet, 2025)[0].by, Date::new(2026, 3, 1));
        assert_eq!(deadlines(UnitKind::Other, 2025).len(), 1);
        assert_eq!(days_until(Date::new(2026, 2, 20), Date::new(2026, 3, 1)), 9);
        assert_eq!(UnitKind::parse("department"), Some(UnitKind::Department));
    }
}

#[cfg(test)]
mod due_line_tests {
    use super::*;

    #[test]
    fn each_kind_and_year_with_days_left_or_past() {
        let today = Date::new(2026, 12, 3);
        let lines = due_lines(UnitKind::TownshipStreet, 2026, today);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].by, format!("{}之前", Date::new(2027, 3, 1).label_zh()));
        assert!(lines[0].what.contains("乡（镇）"));
        assert_eq!(lines[0].when(), format!("还有 {} 天", days_until(today, Date::new(2027, 3, 1))));
        assert!(!lines[0].late());
        for kind in [UnitKind::Department, UnitKind::LocalGovernment] {
            let lines = due_lines(kind, 2026, today);
            assert_eq!(lines.len(), 2, "{kind:?}");
            assert!(lines[1].what.contains("公开"));
        }
        assert_eq!(due_lines(UnitKind::Other, 2026, today).len(), 1, "other units: publication only");
        // A report on 2024 seen in December 2026: both dates long past, in red.
        let late = due_lines(UnitKind::Department, 2024, today);
        assert!(late.iter().all(DueLine::late));
        assert!(late[0].when().starts_with("已超过 "));
        assert_eq!(DueLine { by: String::new(), what: String::new(), days: 0 }.when(), "今天截止");
    }
}

#[cfg(test)]
mod year_input_tests {
    use super::parse_year_input;

    #[test]
    fn years_as_people_type_them() {
        for (input, want) in [
            ("2026", Some(2026)),
            ("２０２６", Some(2026)),
            (" ２０２６ ", Some(2026)),
            ("\u{3000}2025\u{3000}", Some(2025)),
            ("2026年", Some(2026)),
            ("２０２６年度", Some(2026)),
            ("20２6", Some(2026)),
            ("202", None),
            ("20266", None),
            ("1999", None),
            ("二〇二六", None),
            ("", None),
            ("2O26", None),
        ] {
            assert_eq!(parse_year_input(input), want, "{input:?}");
        }
    }
}
