//! Realistic 400115 (certificate job list) responses with any number of jobs, for the
//! benchmarks, the `bench_compare` example and the streaming tests.
//!
//! The shape is the seed's (`testdata/400115_response.xml`, tab-indented), with the values
//! varied by a fixed pseudo-random sequence: ids, owners and updaters, domains under several
//! TLDs, every job status (a fifth of them the server's `DEFFERED` spelling), sub-statuses
//! (sometimes absent), products, actions and date-times. The same `jobs` always gives the same
//! bytes.
//!
//! Included with `#[path]` by `benches/`, `examples/` and `tests/`: it is support code, not
//! part of the library.

#![allow(dead_code)]

use std::io::{self, Write};

const STATUSES: [&str; 10] = [
    "SUCCESS", "SUCCESS", "RUNNING", "DEFFERED", "DEFFERED", "FAILED", "CANCELED", "SUCCESS",
    "WAIT", "SUPPORT",
];
const SUB_STATUSES: [&str; 5] = [
    "WF_EMAIL_AUTH",
    "WF_DNS_AUTH",
    "WF_FILE_AUTH",
    "WF_CSR_GENERATED",
    "",
];
const PRODUCTS: [&str; 8] = [
    "RAPID_SSL",
    "SSL123",
    "BASIC_SSL",
    "COMODO_SSL",
    "SECTIGO_DV",
    "GEOTRUST_QUICKSSL_PREMIUM",
    "RAPID_SSL_WILDCARD",
    "THAWTE_SSL_WEBSERVER",
];
const ACTIONS: [&str; 4] = ["create", "renew", "reissue", "cancel"];
const TLDS: [&str; 7] = ["de", "com", "net", "org", "eu", "at", "co.uk"];
const WORDS: [&str; 12] = [
    "shop",
    "mail",
    "blog",
    "example",
    "bäckerei",
    "portal",
    "cloud",
    "web",
    "api",
    "test",
    "kunde",
    "store",
];

/// SplitMix64: small, fast and good enough to vary values.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// A date-time `YYYY-MM-DD HH:MM:SS`, `seconds` after 2018-01-01 00:00:00 (months of 28
/// days keep every generated date valid).
fn datetime(seconds: u64) -> String {
    let (days, rest) = (seconds / 86_400, seconds % 86_400);
    let (year, day_of_year) = (2018 + days / 336, days % 336);
    let (month, day) = (day_of_year / 28 + 1, day_of_year % 28 + 1);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

/// Writes one job as the seed indents it (five tabs deep).
fn write_job(w: &mut impl Write, rng: &mut Rng, i: u64) -> io::Result<()> {
    let id = 4_297_000_000 + i * 7 + rng.next() % 7;
    let owner = rng.below(500);
    let updater = if rng.below(4) == 0 {
        rng.below(500)
    } else {
        owner
    };
    let context = if rng.below(10) == 0 { 4 } else { 9 };
    let object = match rng.below(3) {
        0 => format!("{}{}.{}", rng.pick(&WORDS), i, rng.pick(&TLDS)),
        1 => format!("www.{}-{}.{}", rng.pick(&WORDS), i % 9973, rng.pick(&TLDS)),
        _ => format!("*.{}{}.{}", rng.pick(&WORDS), i, rng.pick(&TLDS)),
    };
    let created = rng.next() % (6 * 336 * 86_400);
    let updated = created + rng.next() % (30 * 86_400);
    let execution = updated - rng.next() % 600.min(updated - created + 1);
    writeln!(w, "\t\t\t<certificate_job>\n\t\t\t\t<job>")?;
    writeln!(w, "\t\t\t\t\t<id>{id}</id>")?;
    writeln!(
        w,
        "\t\t\t\t\t<owner>\n\t\t\t\t\t\t<user>user{owner}</user>\n\t\t\t\t\t\t<context>{context}</context>\n\t\t\t\t\t</owner>"
    )?;
    writeln!(
        w,
        "\t\t\t\t\t<updater>\n\t\t\t\t\t\t<user>user{updater}</user>\n\t\t\t\t\t\t<context>{context}</context>\n\t\t\t\t\t</updater>"
    )?;
    writeln!(w, "\t\t\t\t\t<object>{object}</object>")?;
    writeln!(w, "\t\t\t\t\t<status>{}</status>", rng.pick(&STATUSES))?;
    let sub_status = rng.pick(&SUB_STATUSES);
    if !sub_status.is_empty() {
        writeln!(w, "\t\t\t\t\t<sub_status>{sub_status}</sub_status>")?;
    }
    writeln!(w, "\t\t\t\t\t<created>{}</created>", datetime(created))?;
    writeln!(w, "\t\t\t\t\t<updated>{}</updated>", datetime(updated))?;
    writeln!(w, "\t\t\t\t\t<type>ssl</type>")?;
    writeln!(w, "\t\t\t\t\t<sub_type>{}</sub_type>", rng.pick(&PRODUCTS))?;
    writeln!(w, "\t\t\t\t\t<action>{}</action>", rng.pick(&ACTIONS))?;
    writeln!(
        w,
        "\t\t\t\t\t<execution>{}</execution>",
        datetime(execution)
    )?;
    writeln!(w, "\t\t\t\t</job>\n\t\t\t</certificate_job>")
}

/// Writes a 400115 response listing `jobs` jobs.
pub fn write_certificate_job_list(w: &mut impl Write, jobs: u64) -> io::Result<()> {
    let mut rng = Rng(0x5EED ^ jobs);
    write!(
        w,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<response>\n\t<result>\n\t\t<data>\n\t\t\t<summary>{jobs}</summary>\n"
    )?;
    for i in 0..jobs {
        write_job(w, &mut rng, i)?;
    }
    write!(
        w,
        "\t\t</data>\n\t\t<status>\n\t\t\t<code>S400115</code>\n\t\t\t<text>Zertifikats-Bestellungen wurden erfolgreich ermittelt.</text>\n\t\t\t<type>success</type>\n\t\t</status>\n\t</result>\n\t<stid>20200228-stid-{jobs}</stid>\n</response>\n"
    )
}

/// A 400115 response listing `jobs` jobs, in memory.
pub fn certificate_job_list(jobs: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(usize::try_from(jobs).unwrap_or(0) * 720 + 512);
    // Writing into a Vec cannot fail.
    let _ = write_certificate_job_list(&mut out, jobs);
    out
}
