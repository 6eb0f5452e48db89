//! The sans-IO poll loop against scripted gateways: several messages, an empty queue,
//! refusals, a duplicate delivery, a confirmation for the wrong message, an undecodable
//! message, and every step out of order.

use autodns_xml::poll::{
    EventNotification, EventType, JobNotification, Message, PollConfirm, PollConfirmData,
    PollError, PollInfo, PollInfoData, PollLoop, PollState, Polled,
};
use autodns_xml::{
    AnyTask, Auth, Msg, ObjectRef, Response, StatusCode, StatusKind, decode_request,
};
use std::collections::VecDeque;

// ---------------------------------------------------------------------------------------
// Answers, as the gateway writes them.

fn job_message(id: u64, ctid: &str) -> Message {
    let job = JobNotification {
        status: Some(autodns_xml::Status::new(
            StatusCode::parse("S0101").expect("code"),
        )),
        ctid: Some(ctid.to_owned()),
        ..JobNotification::default()
    };
    Message::new(id, job)
}

fn event_message(id: u64) -> Message {
    Message::new(id, EventNotification::new(EventType::DomainAway))
}

fn info(summary: u64, message: Option<Message>) -> Vec<u8> {
    let data = PollInfoData {
        summary: Some(summary),
        message,
        unknown: Default::default(),
    };
    let mut answer = Response::answer::<PollInfo>(StatusKind::Success, data).with_stid("s-info");
    if let Some(id) = answer.data().and_then(|d| d.message.as_ref()).map(|m| m.id) {
        answer.results[0].status.object = Some(ObjectRef::new("message", id.to_string()));
    }
    answer.to_xml().expect("encode").into_bytes()
}

fn confirmed(id: u64, remaining: u64) -> Vec<u8> {
    let data = PollConfirmData {
        summary: Some(remaining),
        message: Some(PollConfirm::new(id)),
        unknown: Default::default(),
    };
    let mut answer = Response::answer::<PollConfirm>(StatusKind::Success, data);
    answer.results[0].status.object = Some(ObjectRef::new("message", id.to_string()));
    answer.to_xml().expect("encode").into_bytes()
}

/// An error answer to task `T`, with one error detail.
fn refused<T: autodns_xml::Task>(detail: &str) -> Vec<u8>
where
    T::Data: Default + autodns_xml::codec::ToXml,
{
    let mut answer = Response::answer::<T>(StatusKind::Error, T::Data::default());
    answer.results[0].data = None;
    answer.results[0].msgs.push(Msg {
        code: Some(detail.to_owned()),
        ..Msg::default()
    });
    answer.to_xml().expect("encode").into_bytes()
}

// ---------------------------------------------------------------------------------------
// A scripted gateway and a caller that drives the loop as the README does.

/// Answers requests in order from a script; records which task each request was (0905, or
/// 0906 with the id confirmed).
struct Gateway {
    script: VecDeque<Vec<u8>>,
    seen: Vec<String>,
}

impl Gateway {
    fn new(script: Vec<Vec<u8>>) -> Self {
        Gateway {
            script: script.into(),
            seen: Vec::new(),
        }
    }

    fn post(&mut self, request: &str) -> Vec<u8> {
        let req = decode_request(request.as_bytes()).expect("the loop writes valid requests");
        assert_eq!(req.auth.user, "user");
        assert_eq!(req.auth.password.expose(), "secret");
        let task = &req.tasks[0];
        self.seen.push(match &task.body {
            AnyTask::PollConfirm(m) => format!("0906 {}", m.id),
            _ => task.code.to_string(),
        });
        self.script
            .pop_front()
            .expect("the script has an answer left")
    }
}

fn new_loop() -> PollLoop {
    PollLoop::new(Auth::new("user", "secret", "4"))
}

/// Drains the queue: what the README's example does, recording what was handled.
fn drain(poll: &mut PollLoop, gateway: &mut Gateway) -> Result<Vec<String>, PollError> {
    let mut handled = Vec::new();
    loop {
        let answer = gateway.post(&poll.request()?);
        match poll.receive(&answer)? {
            Polled::Empty => return Ok(handled),
            Polled::Message(delivery) => {
                let id = delivery.message.id;
                if delivery.redelivered {
                    handled.push(format!("{id} again, skipped"));
                } else {
                    handled.push(format!("{id} ({})", delivery.message.payload.element()));
                }
                let done = poll.confirm(&gateway.post(&delivery.confirm_request))?;
                assert_eq!(done.id, id);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------

#[test]
fn drains_several_messages_then_stops_at_the_empty_queue() {
    let mut gateway = Gateway::new(vec![
        info(2, Some(job_message(1855680, "order-1"))),
        confirmed(1855680, 1),
        info(1, Some(event_message(1855681))),
        confirmed(1855681, 0),
        info(0, None),
    ]);
    let mut poll = new_loop();
    let handled = drain(&mut poll, &mut gateway).expect("drained");
    assert_eq!(handled, ["1855680 (job)", "1855681 (notify)"]);
    assert_eq!(
        gateway.seen,
        ["0905", "0906 1855680", "0905", "0906 1855681", "0905"]
    );
    assert_eq!(poll.state(), PollState::Idle);
    assert!(gateway.script.is_empty());
}

#[test]
fn a_duplicate_delivery_is_flagged_and_confirmed_again() {
    let mut gateway = Gateway::new(vec![
        info(1, Some(event_message(7))),
        confirmed(7, 0),
        // The server delivers message 7 again (our confirmation reached it late, say).
        info(1, Some(event_message(7))),
        confirmed(7, 0),
        info(0, None),
    ]);
    let handled = drain(&mut new_loop(), &mut gateway).expect("drained");
    assert_eq!(handled, ["7 (notify)", "7 again, skipped"]);
    assert_eq!(gateway.seen, ["0905", "0906 7", "0905", "0906 7", "0905"]);
}

#[test]
fn a_refused_poll_is_typed_and_the_loop_can_ask_again() {
    let mut gateway = Gateway::new(vec![
        refused::<PollInfo>("EF0905001"),
        info(1, Some(job_message(3, "c"))),
        confirmed(3, 0),
        info(0, None),
    ]);
    let mut poll = new_loop();
    let e = drain(&mut poll, &mut gateway).expect_err("refused");
    let PollError::Refused { status, msgs } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(status.code.to_string(), "E0905");
    assert_eq!(msgs[0].code.as_deref(), Some("EF0905001"));
    assert_eq!(e.to_string(), "the server refused: E0905");
    assert_eq!(poll.state(), PollState::Idle);
    let handled = drain(&mut poll, &mut gateway).expect("drained");
    assert_eq!(handled, ["3 (job)"]);
}

#[test]
fn a_refused_confirmation_keeps_the_message_awaiting_confirmation() {
    let mut poll = new_loop();
    poll.request().expect("request");
    let Polled::Message(delivery) = poll
        .receive(&info(1, Some(event_message(9))))
        .expect("receive")
    else {
        panic!("a message")
    };
    let e = poll
        .confirm(&refused::<PollConfirm>("EF0906002"))
        .expect_err("refused");
    assert!(
        matches!(&e, PollError::Refused { status, .. } if status.code.to_string() == "E0906"),
        "{e:?}"
    );
    assert_eq!(poll.state(), PollState::Confirming { id: 9 });
    // The same confirmation again, then it goes through.
    assert_eq!(
        poll.confirm_request().expect("again"),
        delivery.confirm_request
    );
    let done = poll.confirm(&confirmed(9, 0)).expect("confirmed");
    assert_eq!((done.id, done.remaining), (9, Some(0)));
    assert_eq!(poll.state(), PollState::Idle);
}

#[test]
fn a_confirmation_of_another_message_is_an_error() {
    let mut poll = new_loop();
    poll.request().expect("request");
    poll.receive(&info(2, Some(event_message(10))))
        .expect("receive");
    let e = poll.confirm(&confirmed(11, 1)).expect_err("wrong id");
    assert!(
        matches!(
            e,
            PollError::WrongConfirmation {
                expected: 10,
                confirmed: 11
            }
        ),
        "{e:?}"
    );
    assert_eq!(poll.state(), PollState::Confirming { id: 10 });
    // The status object alone names the message too.
    let only_object = String::from_utf8(confirmed(12, 1))
        .expect("UTF-8")
        .replace("<message>\n        <id>12</id>\n      </message>\n", "");
    assert!(!only_object.contains("<id>12</id>"), "{only_object}");
    let e = poll.confirm(only_object.as_bytes()).expect_err("wrong id");
    assert!(
        matches!(e, PollError::WrongConfirmation { confirmed: 12, .. }),
        "{e:?}"
    );
    poll.confirm(&confirmed(10, 1)).expect("the right one");
}

#[test]
fn the_next_message_cannot_be_fetched_before_the_current_one_is_confirmed() {
    let mut poll = new_loop();
    // Nothing asked yet: no answer is expected, nothing is to be confirmed.
    assert!(matches!(
        poll.receive(&info(0, None)),
        Err(PollError::OutOfOrder {
            state: PollState::Idle,
            ..
        })
    ));
    assert!(matches!(
        poll.confirm(&confirmed(1, 0)),
        Err(PollError::OutOfOrder { .. })
    ));
    assert!(matches!(
        poll.confirm_request(),
        Err(PollError::OutOfOrder { .. })
    ));

    let first = poll.request().expect("request");
    // Asking again while the answer is awaited gives the same request (a resend).
    assert_eq!(poll.request().expect("again"), first);
    poll.receive(&info(2, Some(event_message(5))))
        .expect("receive");
    let e = poll.request().expect_err("FIFO");
    assert_eq!(
        e.to_string(),
        "asking for the next message is out of order: message 5 awaits confirmation"
    );
    assert!(matches!(
        poll.receive(&info(1, Some(event_message(6)))),
        Err(PollError::OutOfOrder {
            state: PollState::Confirming { id: 5 },
            ..
        })
    ));
    // Giving up on message 5 is explicit; the server will deliver it again.
    poll.reset();
    assert_eq!(poll.state(), PollState::Idle);
    poll.request().expect("request after reset");
}

#[test]
fn an_undecodable_message_can_still_be_confirmed() {
    let answer = "<response><result><data><summary>1</summary><message><id>42</id>\
                  <job><job_id>not a number</job_id></job></message></data>\
                  <status><code>S0905</code></status></result></response>";
    let mut poll = new_loop();
    poll.request().expect("request");
    let e = poll.receive(answer.as_bytes()).expect_err("undecodable");
    let PollError::Undecodable { id, source } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(*id, 42);
    assert_eq!(source.path(), "response/result/data/message/job/job_id");
    assert_eq!(poll.state(), PollState::Confirming { id: 42 });
    let request = poll.confirm_request().expect("confirm it anyway");
    assert!(request.contains("<id>42</id>"), "{request}");
    poll.confirm(&confirmed(42, 0)).expect("confirmed");
}

#[test]
fn other_bad_answers_are_typed() {
    let mut poll = new_loop();
    // Not a gateway answer at all: nothing to confirm, ask again.
    poll.request().expect("request");
    let e = poll
        .receive(b"<html><body>502 Bad Gateway</body></html>")
        .expect_err("html");
    assert!(matches!(e, PollError::Decode(_)), "{e:?}");
    assert_eq!(poll.state(), PollState::Idle);
    // A count of waiting messages, but none delivered.
    poll.request().expect("request");
    let e = poll.receive(&info(3, None)).expect_err("no message");
    assert!(
        matches!(e, PollError::MissingMessage { summary: 3 }),
        "{e:?}"
    );
    // The answer to another task.
    poll.request().expect("request");
    let e = poll.receive(&confirmed(1, 0)).expect_err("0906 answer");
    assert!(
        matches!(&e, PollError::UnexpectedAnswer { expected: "0905", code } if code.to_string() == "S0906"),
        "{e:?}"
    );
    assert_eq!(poll.state(), PollState::Idle);
    // The status comes first: a refusal is a refusal whatever its data holds.
    poll.request().expect("request");
    let odd = "<response><result><data><message><id>1</id></message></data>\
               <status><code>E0905</code><text>Login failed</text></status></result></response>";
    let e = poll.receive(odd.as_bytes()).expect_err("refused");
    assert_eq!(e.to_string(), "the server refused: E0905 (Login failed)");
    assert_eq!(poll.state(), PollState::Idle);
}

#[test]
fn the_requests_carry_the_credentials_but_debug_does_not() {
    let mut poll = new_loop();
    let request = poll.request().expect("request");
    assert!(request.contains("<password>secret</password>"), "{request}");
    assert!(request.contains("<code>0905</code>"), "{request}");
    assert!(!format!("{poll:?}").contains("secret"));
    let indented = PollLoop::new(Auth::new("user", "secret", "4"))
        .with_layout(autodns_xml::codec::Layout::Indented)
        .request()
        .expect("request");
    assert!(indented.contains("\n  <auth>"), "{indented}");
}
