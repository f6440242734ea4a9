//! The page and its assets, compiled into the binary: nothing is fetched from elsewhere.

use axum::http::header;
use axum::response::IntoResponse;

/// `GET /`: the page, with the markets `inci serve --market` was started with ticked in its
/// picker.
pub async fn index(shared: Option<axum::Extension<super::api::Shared>>) -> impl IntoResponse {
    let markets = shared.map(|s| s.markets).unwrap_or_default();
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page(markets),
    )
}

/// The page with `markets` ticked (the compiled page ticks the EU alone).
fn page(markets: inci::market::Markets) -> String {
    let mut html = include_str!("assets/index.html").replace(
        r#"name="market" value="eu" checked>"#,
        r#"name="market" value="eu">"#,
    );
    for m in markets.iter() {
        html = html.replace(
            &format!(r#"name="market" value="{}">"#, m.as_str()),
            &format!(r#"name="market" value="{}" checked>"#, m.as_str()),
        );
    }
    html
}

/// `GET /app.js`.
pub async fn script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("assets/app.js"),
    )
}

/// `GET /style.css`.
pub async fn style() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("assets/style.css"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_ticks_the_servers_markets() {
        let eu = page(inci::market::Markets::default());
        assert!(eu.contains(r#"value="eu" checked>"#));
        assert_eq!(eu.matches(" checked>").count(), 1);
        let kr_jp = page("kr,jp".parse().expect("markets"));
        assert!(kr_jp.contains(r#"value="kr" checked>"#));
        assert!(kr_jp.contains(r#"value="jp" checked>"#));
        assert!(kr_jp.contains(r#"value="eu">"#));
        // Every market has a box to tick.
        for m in inci::market::Market::ALL {
            assert!(
                eu.contains(&format!(r#"name="market" value="{}""#, m.as_str())),
                "{m:?}"
            );
        }
    }
}
