//! Server-side CPU time read from /proc, so a run can report the cost of one operation.

/// CPU ticks (user + system) of `pid` and of the PostgreSQL backends serving `database`
/// (their process title reads `postgres: [CLUSTER: ]USER DATABASE HOST(PORT) STATE`; Debian
/// names the cluster, e.g. `postgres: 15/main: postgres portal_load_1 127.0.0.1(5432) idle`).
pub fn server_ticks(pid: u32, database: Option<&str>) -> u64 {
    let ticks = |stat: &str| -> Option<(String, u64)> {
        // The name is in parentheses and may contain spaces: split after the last ')'.
        let close = stat.rfind(')')?;
        let name = stat.get(stat.find('(')? + 1..close)?.to_string();
        let fields: Vec<&str> = stat.get(close + 2..)?.split(' ').collect();
        // Fields 14 and 15 of stat(5), counted from the state (field 3) at index 0.
        let user: u64 = fields.get(11)?.parse().ok()?;
        let system: u64 = fields.get(12)?.parse().ok()?;
        Some((name, user + system))
    };
    let mut total = std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| ticks(&s))
        .map_or(0, |(_, t)| t);
    let Some(database) = database else {
        return total;
    };
    let serves = |path: &std::path::Path| {
        std::fs::read(path.join("cmdline")).is_ok_and(|c| {
            let title = String::from_utf8_lossy(&c).replace('\0', " ");
            // USER DATABASE is followed by the client's HOST(PORT), or [local] on a socket.
            let words: Vec<&str> = title.split(' ').collect();
            title.starts_with("postgres: ")
                && words
                    .windows(2)
                    .any(|w| w[0] == database && (w[1].ends_with(')') || w[1] == "[local]"))
        })
    };
    if let Ok(entries) = std::fs::read_dir("/proc") {
        for entry in entries.flatten() {
            if !serves(&entry.path()) {
                continue;
            }
            if let Some((_, t)) = std::fs::read_to_string(entry.path().join("stat"))
                .ok()
                .and_then(|s| ticks(&s))
            {
                total += t;
            }
        }
    }
    total
}
