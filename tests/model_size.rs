//! What a decoded model holds beside its values (issue 11 item 5: a typed list answer's
//! memory is its models, so a model keeps no spare room).

use autodns_xml::certificate::CertificateJobList;
use autodns_xml::decode_response;

fn jobs(n: usize, msgs: usize) -> Vec<u8> {
    let mut xml = String::from("<response><result><data>");
    for i in 0..n {
        xml.push_str(&format!(
            "<certificate_job><job><id>{i}</id></job></certificate_job>"
        ));
    }
    xml.push_str("</data><status><code>S400115</code><type>success</type></status>");
    for _ in 0..msgs {
        xml.push_str("<msg><text>t</text><msg><code>c</code></msg></msg>");
    }
    xml.push_str("</result></response>");
    xml.into_bytes()
}

/// A `Vec` grows from empty to four places and then doubles: a result with one job held
/// room for four (936 bytes of it empty), and 64,000 such results decoded in 146 MB where
/// 84 MB hold them now. Every list field is decoded to exactly its items, up to the size
/// where its block is mapped (128 KiB) and the room past its items is never faulted in.
#[test]
fn a_decoded_list_holds_no_spare_places_a_list_of_one_included() {
    for n in [1usize, 2, 3, 5, 17, 100] {
        let resp = decode_response::<CertificateJobList>(&jobs(n, n)).expect("decodes");
        let list = &resp.data().expect("data").certificate_job;
        assert_eq!((list.len(), list.capacity()), (n, n), "{n} jobs");
        let msgs = &resp.results[0].msgs;
        assert_eq!((msgs.len(), msgs.capacity()), (n, n), "{n} msgs");
        // A message's own messages, a list field of the model.
        assert!(
            msgs.iter()
                .all(|m| (m.msgs.len(), m.msgs.capacity()) == (1, 1))
        );
    }
    // A large list keeps its doubling's room: mapped, never written, not resident.
    let resp = decode_response::<CertificateJobList>(&jobs(1000, 0)).expect("decodes");
    assert_eq!(resp.data().expect("data").certificate_job.len(), 1000);
    let resp = decode_response::<CertificateJobList>(&jobs(0, 0)).expect("decodes");
    assert_eq!(resp.data().expect("data").certificate_job.capacity(), 0);
}
