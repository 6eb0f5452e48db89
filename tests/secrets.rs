//! Passwords and 2FA tokens never show where a log could catch them: not in `Debug`, not in
//! the JSON of a redacted request, not in any error (decode or encode) or quirk, whatever the
//! document around them. (The CLI's side is in `tests/cli.rs`.)

mod common;

use autodns_xml::domain::DomainInfo;
use autodns_xml::{Auth, DecodeError, Document, EncodeError, Request, Secret, decode_request};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

const PASSWORD: &str = "Pw-7d1f0c";
const TOKEN: &str = "Tk-4b92e8";

fn request() -> Request {
    Request::new(Auth::new("user", PASSWORD, "4").with_token(TOKEN)).task(DomainInfo::new("a.de"))
}

fn xml_with(password: &str, token: &str) -> String {
    format!(
        "<request><auth><user>user</user><password>{password}</password><context>4</context>\
         <token>{token}</token></auth><task><code>0105</code><domain><name>a.de</name></domain>\
         </task></request>"
    )
}

/// Neither secret, nor a telling part of one, is in `shown`.
#[track_caller]
fn assert_hidden(shown: &str, secrets: &[&str]) {
    for secret in secrets {
        assert!(!shown.contains(secret), "{secret:?} in {shown:?}");
        // Nor its distinctive tail (what an excerpt would quote).
        let tail = &secret[3..];
        assert!(!shown.contains(tail), "{tail:?} in {shown:?}");
    }
}

#[track_caller]
fn assert_error_hidden(e: &DecodeError, secrets: &[&str]) {
    for shown in [
        e.to_string(),
        format!("{e:?}"),
        format!("{e:#?}"),
        e.kind().to_string(),
        e.path().to_owned(),
    ] {
        assert_hidden(&shown, secrets);
    }
}

#[test]
fn debug_never_shows_a_secret() {
    let built = request();
    let decoded = decode_request(xml_with(PASSWORD, TOKEN).as_bytes()).expect("decodes");
    assert_eq!(decoded.auth.password.expose(), PASSWORD);
    assert_eq!(decoded.auth.token.as_ref().map(Secret::expose), Some(TOKEN));
    let doc = Document::decode(xml_with(PASSWORD, TOKEN).as_bytes()).expect("decodes");
    for shown in [
        format!("{built:?}"),
        format!("{built:#?}"),
        format!("{decoded:?}"),
        format!("{:?}", built.auth),
        format!("{:?}", built.auth.password),
        format!("{:?}", built.auth.token),
        format!("{doc:?}"),
        format!("{doc:#?}"),
    ] {
        assert_hidden(&shown, &[PASSWORD, TOKEN]);
        assert!(shown.contains("***"), "{shown}");
    }
}

#[test]
fn the_json_for_logs_is_the_redacted_request() {
    let request = request();
    let redacted = request.redacted();
    for json in [
        serde_json::to_string(&redacted).expect("json"),
        serde_json::to_string_pretty(&redacted).expect("json"),
        serde_json::to_string(&Document::Request(redacted.clone())).expect("json"),
    ] {
        assert_hidden(&json, &[PASSWORD, TOKEN]);
        assert!(json.contains(r#""password":"***""#) || json.contains(r#""password": "***""#));
        assert!(json.contains(r#""token":"***""#) || json.contains(r#""token": "***""#));
    }
    // The redacted copy is a copy: the request itself keeps its secrets.
    assert_eq!(request.auth.password.expose(), PASSWORD);
}

/// issue 13 item 8: the plain serialization is the safe one; the real secrets need an explicit
/// `ExposeSecrets`, whose output reads back to the same request.
#[test]
fn plain_serde_masks_secrets_and_expose_secrets_round_trips() {
    let request = request();
    let plain = serde_json::to_string(&request).expect("json");
    assert_hidden(&plain, &[PASSWORD, TOKEN]);
    assert!(plain.contains(r#""password":"***""#), "{plain}");
    let exposed = serde_json::to_string(&autodns_xml::ExposeSecrets::new(&request)).expect("json");
    assert!(
        exposed.contains(PASSWORD) && exposed.contains(TOKEN),
        "{exposed}"
    );
    let back: Request = serde_json::from_str(&exposed).expect("reads back");
    assert_eq!(back, request);
    // Outside the wrapper, masking is back.
    assert_hidden(
        &serde_json::to_string(&request).expect("json"),
        &[PASSWORD, TOKEN],
    );
}

/// issue 11 item 6: a password, token, user or context of the wrong JSON type is refused
/// without quoting it.
#[test]
fn json_errors_inside_auth_do_not_quote_the_value() {
    for (field, value) in [
        ("password", "424242"),
        ("password", "4242.42"),
        ("token", "424242"),
        ("user", "424242"),
        ("context", "424242"),
        ("password", "true"),
    ] {
        let mut auth = serde_json::json!({"user": "u", "password": "p", "context": "4"});
        auth[field] = serde_json::from_str(value).expect("json");
        let e = serde_json::from_value::<Auth>(auth)
            .expect_err("wrong type")
            .to_string();
        assert!(!e.contains(value), "{field}: {e}");
        assert!(e.contains("not shown"), "{field}: {e}");
    }
}

#[test]
fn encode_errors_never_show_a_secret() {
    for (password, token) in [
        (format!("{PASSWORD}\u{0}"), TOKEN.to_owned()),
        (PASSWORD.to_owned(), format!("{TOKEN}\u{FFFE}")),
        (format!("\u{1}{PASSWORD}"), format!("{TOKEN}\u{1B}")),
    ] {
        let mut request = request();
        request.auth.password = Secret::new(password);
        request.auth.token = Some(Secret::new(token));
        let e: EncodeError = request.to_xml().expect_err("unrepresentable");
        assert!(matches!(e, EncodeError::InvalidChar { .. }), "{e}");
        for shown in [e.to_string(), format!("{e:?}")] {
            assert_hidden(&shown, &[PASSWORD, TOKEN]);
        }
    }
}

#[test]
fn quirks_never_show_a_secret() {
    let xml = format!(
        "<request><auth><user>u</user><password kind=\"{PASSWORD}\">{PASSWORD}</password>\
         <context>4</context><token a=\"1\">{TOKEN}</token></auth>\
         <task><code>0905</code></task></request>"
    );
    let request = decode_request(xml.as_bytes()).expect("decodes");
    assert_eq!(request.quirks.len(), 2, "{:?}", request.quirks);
    for quirk in &request.quirks {
        assert_hidden(&format!("{quirk} {quirk:?}"), &[PASSWORD, TOKEN]);
    }
}

/// Defects placed inside and around the secrets. Anything inside `auth` is protected, even
/// what a broken tag pushes out of the password into `auth`; a document that closes `auth`
/// itself (`</auth>` inside a password) places the rest outside it, where nothing is secret.
fn defect() -> impl Strategy<Value = &'static str> {
    select(
        &[
            "&bad;",
            "&#0;",
            "&#xD800;",
            "<x/>",
            "</x>",
            "<x>",
            "]]>",
            "<![CDATA[",
            "<!--",
            "<?",
            "<",
            "&",
            "\u{1}",
            "<password>",
            "</password>",
            "<token>",
            "</token>",
            "<auth>",
            "<a b='1' b='2'/>",
            "<!DOCTYPE x>",
        ][..],
    )
}

proptest! {
    #![proptest_config(common::proptest_config(512))]

    /// Whatever is broken inside a password or token, or elsewhere in the request, no error
    /// quotes the secret: not its `Display`, `Debug`, kind or path.
    #[test]
    fn decode_errors_never_show_a_secret(
        before_password in vec(defect(), 0..3),
        after_password in vec(defect(), 0..3),
        before_token in vec(defect(), 0..3),
        after_token in vec(defect(), 0..3),
    ) {
        let password = format!("{}{PASSWORD}{}", before_password.concat(), after_password.concat());
        let token = format!("{}{TOKEN}{}", before_token.concat(), after_token.concat());
        let xml = xml_with(&password, &token);
        for outcome in [
            decode_request(xml.as_bytes()).map(drop),
            Document::decode(xml.as_bytes()).map(drop),
        ] {
            if let Err(e) = outcome {
                assert_error_hidden(&e, &[PASSWORD, TOKEN]);
            }
        }
    }
}

#[test]
fn an_error_inside_a_secret_says_where_but_not_what() {
    let e = decode_request(xml_with(&format!("{PASSWORD}&{TOKEN};"), "t").as_bytes())
        .expect_err("unknown entity");
    assert_eq!(e.path(), "request/auth/password");
    assert_eq!(
        e.to_string(),
        "unknown entity &***; in request/auth/password at line 1, column 52"
    );
    assert_error_hidden(&e, &[PASSWORD, TOKEN]);
}
