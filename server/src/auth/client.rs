//! Who is connecting: IP address and user agent, for the audit log.

use axum::http::HeaderMap;
use std::net::SocketAddr;

/// 接続元: recorded with every audit entry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClientInfo {
    /// Client IP (from X-Forwarded-For only when the proxy is trusted).
    pub ip: String,
    /// User-Agent, cut to 256 characters.
    pub user_agent: String,
}

impl ClientInfo {
    /// Reads the peer address and headers.
    pub fn from_request(peer: Option<SocketAddr>, headers: &HeaderMap, trust_proxy: bool) -> Self {
        let forwarded = trust_proxy
            .then(|| headers.get("x-forwarded-for"))
            .flatten()
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .map(|v| v.trim().to_string())
            .filter(|v| v.parse::<std::net::IpAddr>().is_ok());
        let ip = forwarded
            .or_else(|| peer.map(|p| p.ip().to_string()))
            .unwrap_or_default();
        let user_agent = headers
            .get(axum::http::header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .chars()
            .take(256)
            .collect();
        Self { ip, user_agent }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwarded_addresses_are_ignored_unless_the_proxy_is_trusted() {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", "203.0.113.9, 10.0.0.1".parse().unwrap());
        let peer = Some(SocketAddr::from(([127, 0, 0, 1], 5000)));
        assert_eq!(
            ClientInfo::from_request(peer, &headers, false).ip,
            "127.0.0.1"
        );
        assert_eq!(
            ClientInfo::from_request(peer, &headers, true).ip,
            "203.0.113.9"
        );
    }
}
