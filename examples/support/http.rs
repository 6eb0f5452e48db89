//! The HTTP client the gateway examples share (ureq, plain HTTP: the fake listens on loopback).

/// Any error of an example.
pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// POSTs one XML document and returns the answer's bytes: every exchange bounded to 30 s,
/// over the agent's kept-alive connections.
pub fn post(url: &str, xml: &str) -> Result<Vec<u8>, Error> {
    static AGENT: std::sync::OnceLock<ureq::Agent> = std::sync::OnceLock::new();
    let agent = AGENT.get_or_init(|| {
        ureq::Agent::config_builder()
            .timeout_global(Some(std::time::Duration::from_secs(30)))
            .build()
            .into()
    });
    let mut answer = agent
        .post(url)
        .header("Content-Type", "text/xml")
        .send(xml)?;
    Ok(answer.body_mut().read_to_vec()?)
}
