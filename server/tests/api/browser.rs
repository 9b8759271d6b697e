//! A browser without JavaScript for the tests: cookies, no redirects, our Origin on posts.

/// A response, read whole.
#[derive(Debug)]
pub struct Page {
    pub status: u16,
    pub location: Option<String>,
    /// Where the upload form's script goes next (`x-portal-next`, on its `204` answers).
    pub script_next: Option<String>,
    pub body: String,
    pub set_cookie: Vec<String>,
}

impl Page {
    /// The visible text with tags removed (for "the user sees …" assertions).
    pub fn text(&self) -> String {
        visible_text(&self.body)
    }
}

/// The visible text of some HTML with tags removed.
pub fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A browser without JavaScript: keeps cookies, does not follow redirects, sends our Origin.
pub struct Browser {
    pub client: reqwest::Client,
    pub base: String,
}

impl Browser {
    pub async fn read(response: reqwest::Response) -> Page {
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let location = header("location");
        let script_next = header("x-portal-next");
        let set_cookie = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_string))
            .collect();
        let body = response.text().await.unwrap_or_default();
        Page {
            status,
            location,
            script_next,
            body,
            set_cookie,
        }
    }

    /// GET a path.
    pub async fn get(&self, path: &str) -> Page {
        Self::read(
            self.client
                .get(format!("{}{path}", self.base))
                .send()
                .await
                .unwrap(),
        )
        .await
    }

    /// POST a form from our own page (Origin set, like a browser).
    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> Page {
        let response = self
            .client
            .post(format!("{}{path}", self.base))
            .header("origin", &self.base)
            .form(form)
            .send()
            .await
            .unwrap();
        Self::read(response).await
    }

    /// POST raw bytes as a form body with chosen headers.
    pub async fn post_raw(&self, path: &str, body: Vec<u8>, headers: &[(&str, &str)]) -> Page {
        let mut request = self.client.post(format!("{}{path}", self.base)).body(body);
        if !headers
            .iter()
            .any(|(k, _)| k.eq_ignore_ascii_case("content-type"))
        {
            request = request.header("content-type", "application/x-www-form-urlencoded");
        }
        for (k, v) in headers {
            request = request.header(*k, *v);
        }
        Self::read(request.send().await.unwrap()).await
    }

    /// Follows one redirect (303 → GET), as a browser does after a form post.
    pub async fn follow(&self, page: &Page) -> Page {
        let location = page
            .location
            .clone()
            .unwrap_or_else(|| panic!("expected a redirect, got {page:?}"));
        self.get(&location).await
    }
}
