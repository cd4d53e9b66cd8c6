//! The same journey in the three engines coaches' clients arrive with: Chromium, Firefox and
//! WebKit (Safari's engine), each driven over WebDriver: type, reload, export, import, and
//! open a draft again from "My drafts". Then, in each, the coach's example site under a strict
//! Content-Security-Policy, its parts refused for a while: the widget starts, says where a part
//! is missing, loads it with "Try again" once it can, and breaks no rule of the policy.
//!
//! They need the release build and the browsers, so they are ignored by a plain `cargo test`;
//! `make test` runs them after the release build (`cargo test --test engines -- --ignored`),
//! with `SITE_DIR` naming the build. Drivers and browsers are found at the paths the install
//! script puts them (each can be overridden by an environment variable, see `Engine`).
#![cfg(not(target_arch = "wasm32"))]

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long any one thing may take before the journey fails (browsers start slowly here).
const PATIENCE: Duration = Duration::from_secs(60);

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_string())
}

/// A free port on this machine.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A child process (and its process group) that stops when dropped.
struct Process(Child);

impl Process {
    fn start(command: &mut Command) -> Process {
        let child = command
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("could not start {command:?}: {e}"));
        Process(child)
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        // The whole group: xvfb-run starts the X server and the driver as its children.
        let _ = Command::new("kill")
            .arg("--")
            .arg(format!("-{}", self.0.id()))
            .status();
        let _ = self.0.wait();
    }
}

/// Where the release build is (`SITE_DIR`, or `target/site`).
fn site_dir() -> String {
    let site = std::env::var("SITE_DIR").unwrap_or_else(|_| {
        let root = env!("CARGO_MANIFEST_DIR");
        format!("{root}/target/site")
    });
    assert!(
        PathBuf::from(&site).join("index.html").exists(),
        "no release build in {site}: run scripts/build-release.sh"
    );
    site
}

/// The release build served as a coach's site would serve it.
fn serve() -> (Process, String) {
    let site = site_dir();
    let port = free_port();
    let server = Process::start(
        Command::new("node")
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/e2e/serve.mjs"))
            .args(["--root", &site, "--port", &port.to_string()]),
    );
    (server, format!("http://127.0.0.1:{port}"))
}

/// The coach's example site (`examples/coaching-site/`) with the release folder uploaded beside
/// it as `designed-alliance/`, sent with `policy` as its Content-Security-Policy (violations
/// reported into `reports`); the widget's parts are refused while the file `refuse` exists.
fn serve_coach_site(policy: &str, reports: &Path, refuse: &Path) -> (Process, String) {
    let site = site_dir();
    let root = env!("CARGO_MANIFEST_DIR");
    let port = free_port();
    let server = Process::start(
        Command::new("node")
            .arg(format!("{root}/tests/e2e/serve.mjs"))
            .args(["--root", &format!("{root}/examples/coaching-site")])
            .args(["--port", &port.to_string()])
            .args(["--mount", &format!("/designed-alliance/={site}")])
            .args(["--precompressed", "1", "--csp", policy])
            .arg("--csp-reports")
            .arg(reports)
            .arg("--refuse-parts-while")
            .arg(refuse),
    );
    (server, format!("http://127.0.0.1:{port}"))
}

/// One engine: how to start its driver, and what to ask it for.
enum Engine {
    Chromium,
    Firefox,
    WebKit,
}

impl Engine {
    fn driver(&self, port: u16) -> Process {
        let port = port.to_string();
        match self {
            Engine::Chromium => Process::start(
                Command::new(env_or("CHROMEDRIVER", "/usr/bin/chromedriver"))
                    .arg(format!("--port={port}")),
            ),
            Engine::Firefox => Process::start(
                Command::new(env_or("GECKODRIVER", "geckodriver")).args(["--port", &port]),
            ),
            // WebKitGTK has no headless mode: a virtual display.
            Engine::WebKit => Process::start(Command::new("xvfb-run").args([
                "-a",
                &env_or("WEBKITWEBDRIVER", "WebKitWebDriver"),
                &format!("--port={port}"),
            ])),
        }
    }

    fn capabilities(&self) -> serde_json::Map<String, Value> {
        let caps = match self {
            Engine::Chromium => json!({
                "goog:chromeOptions": {
                    "binary": env_or("CHROMIUM", "/usr/bin/chromium"),
                    "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                             "--disable-dev-shm-usage", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync", "--no-first-run"]
                }
            }),
            Engine::Firefox => json!({
                "moz:firefoxOptions": {
                    "binary": env_or("FIREFOX", "/usr/bin/firefox-esr"),
                    "args": ["-headless"]
                }
            }),
            Engine::WebKit => json!({
                "browserName": "MiniBrowser",
                "webkitgtk:browserOptions": {
                    "binary": env_or(
                        "MINIBROWSER",
                        "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
                    ),
                    "args": ["--automation"]
                }
            }),
        };
        match caps {
            Value::Object(map) => map,
            _ => serde_json::Map::new(),
        }
    }
}

/// Connects to the driver once it listens.
async fn connect(engine: &Engine, port: u16) -> Client {
    let started = Instant::now();
    loop {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let attempt = ClientBuilder::new(connector)
            .capabilities(engine.capabilities())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await;
        match attempt {
            Ok(client) => return client,
            Err(e) if started.elapsed() > PATIENCE => panic!("no WebDriver session: {e}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

/// Helpers run in the page: the widget lives in a shadow root, where they look.
const HELPERS: &str = r#"
const root = () => document.querySelector('designed-alliance').shadowRoot;
const byLabel = (text) => {
  const label = [...root().querySelectorAll('label')].find(
    (l) => l.textContent.replace(' (optional)', '').trim() === text);
  return label ? root().getElementById(label.htmlFor) : null;
};
const byName = (name) => [...root().querySelectorAll('button')].find(
  (b) => (b.getAttribute('aria-label') ?? b.textContent).trim() === name);
const startingWith = (start) => [...root().querySelectorAll('button')].find(
  (b) => b.textContent.trim().startsWith(start));
const heading = () => root().querySelector('h2').textContent;
// A colour as the engine paints it, as "r,g,b" (whatever syntax the computed style uses).
const paint = (color) => {
  const c = document.createElement('canvas');
  c.width = c.height = 1;
  const x = c.getContext('2d');
  x.fillStyle = '#000';
  x.fillStyle = color;
  x.fillRect(0, 0, 1, 1);
  return [...x.getImageData(0, 0, 1, 1).data].slice(0, 3).join(',');
};
const colours = (el) => [paint(getComputedStyle(el).color), paint(getComputedStyle(el).backgroundColor)];
"#;

async fn run(client: &Client, body: &str, args: Vec<Value>) -> Value {
    client
        .execute(&format!("{HELPERS}\n{body}"), args)
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}\n{body}"))
}

/// Waits until `body` (a script returning true or false) says yes.
async fn until(client: &Client, what: &str, body: &str, args: Vec<Value>) {
    let started = Instant::now();
    loop {
        let ok = client
            .execute(
                &format!("{HELPERS}\ntry {{ {body} }} catch (e) {{ return false; }}"),
                args.clone(),
            )
            .await;
        if matches!(ok, Ok(Value::Bool(true))) {
            return;
        }
        if started.elapsed() > PATIENCE {
            // What the widget shows instead, to tell why.
            let shown = client
                .execute(
                    &format!(
                        "{HELPERS}\ntry {{ const r = root(); return [heading(), \
                         r.querySelector('.da-title')?.textContent, \
                         r.querySelector('.da-save-status')?.textContent, \
                         r.querySelector('dialog[open]')?.textContent, location.href].join(' | '); \
                         }} catch (e) {{ return String(e); }}"
                    ),
                    vec![],
                )
                .await;
            panic!("waited too long for: {what}; the page shows: {shown:?}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The element a script returns.
async fn element(client: &Client, body: &str, args: Vec<Value>) -> Element {
    let value = run(client, body, args).await;
    let id = value
        .as_object()
        .and_then(|o| o.values().next())
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("not an element: {value}"));
    Element::from_element_id(client.clone(), id.to_string().into())
}

const TITLE: &str = "What shall we call this alliance?";

/// Types `text` into the title, once the form is there, as a person types.
async fn type_title(client: &Client, text: &str) {
    // The step opened puts focus on its heading once the view has caught up (a frame later):
    // typing before then would lose the keys that come after it.
    until(
        client,
        "the form, with focus on its heading",
        &format!(
            "return !!byLabel({TITLE:?}) && root().activeElement === root().querySelector('h2');"
        ),
        vec![],
    )
    .await;
    frames(client).await;
    let title = element(client, &format!("return byLabel({TITLE:?});"), vec![]).await;
    title.send_keys(text).await.expect("type");
}

/// Waits for the page to draw two frames: a focus move the page asked for in the next frame
/// (`requestAnimationFrame`) has then happened, and typing cannot race it. (Heading focus can
/// be there already from the step before, the heading being the same element.)
async fn frames(client: &Client) {
    client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
            vec![],
        )
        .await
        .expect("the page draws");
}

/// Waits until the widget says the draft is saved in this browser.
async fn until_saved(client: &Client) {
    until(
        client,
        "the draft saved",
        "return root().querySelector('.da-save-status').textContent.startsWith('Saved in this browser');",
        vec![],
    )
    .await;
}

async fn journey(engine: Engine) {
    let (_server, base) = serve();
    let port = free_port();
    let _driver = engine.driver(port);
    let client = connect(&engine, port).await;
    let page = format!("{base}/index.html");

    // A browser of its own, and no drafts in it.
    client.goto(&page).await.expect("open the demo page");
    run(&client, "localStorage.clear(); return true;", vec![]).await;
    client.refresh().await.expect("reload");
    until(
        &client,
        "the welcome",
        "return heading() === 'Welcome';",
        vec![],
    )
    .await;
    // The colours resolve in every engine (light-dark(), relative colours): the accent with
    // white text in light; with theme="dark", the dark surface and the dark accent with black
    // text, chosen for contrast.
    until(
        &client,
        "light colours",
        "return JSON.stringify(colours(startingWith('Begin:'))) === '[\"255,255,255\",\"31,95,139\"]';",
        vec![],
    )
    .await;
    run(
        &client,
        "document.querySelector('designed-alliance').setAttribute('theme', 'dark'); return true;",
        vec![],
    )
    .await;
    until(
        &client,
        "dark colours",
        "return JSON.stringify(colours(startingWith('Begin:'))) === '[\"0,0,0\",\"124,184,228\"]' \
           && colours(root().querySelector('.da-widget'))[1] === '22,27,33';",
        vec![],
    )
    .await;
    run(
        &client,
        "document.querySelector('designed-alliance').removeAttribute('theme'); \
         startingWith('Begin:').click(); return true;",
        vec![],
    )
    .await;

    // Typed, as a person types: the header follows, and the draft is saved.
    type_title(&client, "Cross-engine journey").await;
    until(
        &client,
        "the title in the header",
        "return root().querySelector('.da-title').textContent === 'Cross-engine journey';",
        vec![],
    )
    .await;
    until_saved(&client).await;

    // A long answer: its text area grows with it (by the engine itself where it can, by the
    // widget elsewhere), so nothing scrolls inside it.
    run(
        &client,
        "startingWith('Next: The goal').click(); return true;",
        vec![],
    )
    .await;
    let goal = "What are we trying to achieve together?";
    until(
        &client,
        "the goal",
        &format!("return !!byLabel({goal:?});"),
        vec![],
    )
    .await;
    frames(&client).await;
    let what = element(&client, &format!("return byLabel({goal:?});"), vec![]).await;
    let long = "A sentence about what we want, long enough to wrap onto a new line. ".repeat(8);
    what.send_keys(&long).await.expect("type a long answer");
    until(
        &client,
        "the text area grown to its text",
        &format!(
            "const t = byLabel({goal:?}); \
             return t.value.length > 400 && t.clientHeight > 150 && t.scrollHeight <= t.clientHeight + 2;"
        ),
        vec![],
    )
    .await;
    run(
        &client,
        "startingWith('← Back: Who is involved').click(); return true;",
        vec![],
    )
    .await;
    until(
        &client,
        "back to the title",
        &format!("return !!byLabel({TITLE:?});"),
        vec![],
    )
    .await;

    // Reloaded: every character is back.
    client.refresh().await.expect("reload");
    until(
        &client,
        "the draft after a reload",
        &format!("return byLabel({TITLE:?})?.value === 'Cross-engine journey';"),
        vec![],
    )
    .await;

    // Exported as the file format.
    let file = run(
        &client,
        "return document.querySelector('designed-alliance').exportJson();",
        vec![],
    )
    .await;
    let file: Value = serde_json::from_str(file.as_str().expect("file text")).expect("JSON");
    assert_eq!(file["format"], "designed-alliance");
    assert_eq!(file["alliance"]["title"], "Cross-engine journey");

    // Imported: another alliance opens as a new draft, at its review.
    let mut other = file.clone();
    other["alliance"]["id"] = json!("alliance-imported");
    other["alliance"]["title"] = json!("Imported alliance");
    run(
        &client,
        "document.querySelector('designed-alliance').importJson(arguments[0]); return true;",
        vec![json!(other.to_string())],
    )
    .await;
    until(
        &client,
        "the imported alliance on screen",
        "return root().querySelector('.da-title').textContent === 'Imported alliance' \
         && root().querySelector('h2').textContent === 'Review';",
        vec![],
    )
    .await;

    // Both are drafts in this browser: the first opens again from "My drafts".
    run(&client, "byName('My drafts').click(); return true;", vec![]).await;
    until(
        &client,
        "both drafts listed",
        "return root().querySelectorAll('.da-draft').length === 2;",
        vec![],
    )
    .await;
    run(
        &client,
        "byName('Open \u{201c}Cross-engine journey\u{201d}').click(); return true;",
        vec![],
    )
    .await;
    until(
        &client,
        "the first draft open again",
        &format!(
            "return root().querySelector('.da-title').textContent === 'Cross-engine journey' \
             && byLabel({TITLE:?})?.value === 'Cross-engine journey';"
        ),
        vec![],
    )
    .await;

    // Shared as a link: packed by this engine's CompressionStream, and opened in another
    // person's browser (another namespace of drafts, on the frame page), unpacked and taken
    // out of the address bar. They say which person they are, change the title and send it
    // back; here, the two versions are compared, and the change taken by default.
    run(
        &client,
        "startingWith('Save or share').click(); byName('Share a link\u{2026}').click(); return true;",
        vec![],
    )
    .await;
    let fragment = shared_fragment(&client).await;
    client.goto("about:blank").await.expect("leave the page");
    client
        .goto(&format!(
            "{base}/designed-alliance-frame.html?namespace=other#{fragment}"
        ))
        .await
        .expect("open the link in the other browser");
    until(
        &client,
        "the preview in the other browser, nobody chosen as me, out of the address bar",
        "const d = root().querySelector('dialog[open]'); \
         return !!d && d.textContent.includes('Cross-engine journey') \
         && d.textContent.includes('It opens as a draft in this browser.') \
         && !d.querySelector('input[type=radio]:checked') && location.hash === '';",
        vec![],
    )
    .await;
    run(
        &client,
        "[...root().querySelectorAll('dialog[open] label')].find((l) => l.textContent === 'Person 2').click(); \
         byName('Open as a new draft').click(); return true;",
        vec![],
    )
    .await;
    // The review's part may still be on its way in this fresh browser: its buttons first.
    until(
        &client,
        "the review",
        "return heading() === 'Review' && !!byName('Edit People');",
        vec![],
    )
    .await;
    run(
        &client,
        "byName('Edit People').click(); return true;",
        vec![],
    )
    .await;
    // Focus lands on the step's heading first (a person reads before typing).
    until(
        &client,
        "the title in the other browser, focus on the step's heading",
        &format!(
            "return byLabel({TITLE:?})?.value === 'Cross-engine journey' \
             && root().activeElement === root().querySelector('h2');"
        ),
        vec![],
    )
    .await;
    frames(&client).await;
    let title = element(&client, &format!("return byLabel({TITLE:?});"), vec![]).await;
    title
        .send_keys(", as Person 2 sees it")
        .await
        .expect("type");
    until(
        &client,
        "the change saved in the other browser",
        "return root().querySelector('.da-title').textContent === 'Cross-engine journey, as Person 2 sees it' \
         && root().querySelector('.da-save-status').textContent.startsWith('Saved in this browser');",
        vec![],
    )
    .await;
    run(
        &client,
        "startingWith('Save or share').click(); byName('Share a link\u{2026}').click(); return true;",
        vec![],
    )
    .await;
    let back = shared_fragment(&client).await;
    let mine = format!("{base}/index.html#{back}");
    client.goto("about:blank").await.expect("leave the page");
    client.goto(&mine).await.expect("open the link sent back");
    until(
        &client,
        "the alliance sent back offered for comparison",
        "const d = root().querySelector('dialog[open]'); \
         return !!d && d.textContent.includes('Compare with my draft');",
        vec![],
    )
    .await;
    run(
        &client,
        "byName('Compare with my draft').click(); return true;",
        vec![],
    )
    .await;
    until(
        &client,
        "the title changed in the other version, taken by default",
        "const d = root().querySelector('dialog[open]'); \
         const row = d && [...d.querySelectorAll('.da-diff')].find((r) => r.textContent.includes('What shall we call')); \
         return !!row && row.textContent.includes('Changed in the other version') \
         && [...row.querySelectorAll('input:checked')].map((i) => i.labels[0].textContent).join() === 'Take theirs' \
         && d.querySelectorAll('.da-diff').length === 1;",
        vec![],
    )
    .await;
    run(
        &client,
        "startingWith('Save the result').click(); return true;",
        vec![],
    )
    .await;
    until(
        &client,
        "the two versions brought together, and the log saying so",
        "const a = JSON.parse(document.querySelector('designed-alliance').exportJson()).alliance; \
         return a.title === 'Cross-engine journey, as Person 2 sees it' \
         && a.keepingAlive.revisions.at(-1).changes.startsWith('Brought together with another version') \
         && a.parties.every((p) => p.isMe === false);",
        vec![],
    )
    .await;
    client.close().await.expect("close the browser");
}

/// The fragment of the link in the open share dialog (`alliance-v1=…`).
async fn shared_fragment(client: &Client) -> String {
    until(
        client,
        "the share link",
        "return root().querySelector('.da-share-link')?.value.includes('#alliance-v1=');",
        vec![],
    )
    .await;
    let link = run(
        client,
        "return root().querySelector('.da-share-link').value;",
        vec![],
    )
    .await;
    let link = link.as_str().expect("the link");
    link.split_once('#')
        .map(|(_, fragment)| fragment.to_string())
        .expect("a fragment")
}

/// The policy the README asks a coach's site for, at its strictest.
const STRICT: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/// The coach's site under a strict policy, the widget's parts refused at first (as when the
/// connection drops after the page came): the widget starts and takes typing, says in the
/// dialog that its part could not be loaded, loads it with "Try again" once it can, and no rule
/// of the policy is broken on the way (the one broken on purpose at the end proves the
/// engine reports them).
async fn parts_under_a_strict_policy(engine: Engine, name: &str) {
    let scratch = std::env::temp_dir().join(format!("da-engines-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("a scratch folder");
    let (reports, refuse) = (scratch.join("csp-reports"), scratch.join("refuse-parts"));
    let _ = std::fs::remove_file(&reports);
    std::fs::write(&refuse, "").expect("refuse the parts");
    let (_server, base) = serve_coach_site(STRICT, &reports, &refuse);
    let port = free_port();
    let _driver = engine.driver(port);
    let client = connect(&engine, port).await;

    client
        .goto(&format!("{base}/"))
        .await
        .expect("open the coach's site");
    run(&client, "localStorage.clear(); return true;", vec![]).await;
    client.refresh().await.expect("reload");
    // Started, styled by its own stylesheet and the coach's colour, under the policy.
    until(
        &client,
        "the welcome in the coach's colour",
        "return heading() === 'Welcome' && colours(startingWith('Begin:'))[1] === '122,62,101';",
        vec![],
    )
    .await;
    run(
        &client,
        "startingWith('Begin:').click(); return true;",
        vec![],
    )
    .await;
    type_title(&client, "Under a strict policy").await;
    until_saved(&client).await;

    // "My drafts" is a part, refused: said in the dialog, and the text is still there.
    run(&client, "byName('My drafts').click(); return true;", vec![]).await;
    until(
        &client,
        "the part said to be missing",
        "const a = root().querySelector('dialog[open] [role=alert]'); \
         return !!a && a.textContent.includes('could not be loaded') \
           && a.textContent.includes('Everything you typed is still here.');",
        vec![],
    )
    .await;
    assert_eq!(
        run(
            &client,
            &format!("return byLabel({TITLE:?}).value;"),
            vec![]
        )
        .await,
        json!("Under a strict policy")
    );

    // The connection is back: "Try again" loads it where it is.
    std::fs::remove_file(&refuse).expect("serve the parts again");
    run(
        &client,
        "[...root().querySelectorAll('dialog[open] button')] \
           .find((b) => b.textContent.trim() === 'Try again').click(); return true;",
        vec![],
    )
    .await;
    until(
        &client,
        "My drafts, loaded",
        "const d = root().querySelector('dialog[open]'); \
         return !d.querySelector('[role=alert]') && d.textContent.includes('Under a strict policy');",
        vec![],
    )
    .await;

    // No rule broken so far; one broken now, on purpose, is reported (and is the only one).
    let broken_so_far = std::fs::read_to_string(&reports).unwrap_or_default();
    assert_eq!(broken_so_far, "", "violations of the policy");
    run(
        &client,
        "const s = document.createElement('script'); s.textContent = 'window.broke = 1;'; \
         document.head.append(s); return true;",
        vec![],
    )
    .await;
    let started = Instant::now();
    while std::fs::read_to_string(&reports)
        .unwrap_or_default()
        .is_empty()
    {
        assert!(
            started.elapsed() < PATIENCE,
            "the engine reports no violation of the policy"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let reported = std::fs::read_to_string(&reports).unwrap_or_default();
    assert!(
        reported.lines().all(|l| l.contains("inline")),
        "only the inline script was refused: {reported}"
    );
    let _ = client.close().await;
    let _ = std::fs::remove_dir_all(&scratch);
}

#[tokio::test(flavor = "current_thread")]
#[ignore = "needs the release build and the browsers: make test runs it"]
async fn the_journey_works_in_chromium() {
    journey(Engine::Chromium).await;
}

#[tokio::test(flavor = "current_thread")]
#[ignore = "needs the release build and the browsers: make test runs it"]
async fn the_journey_works_in_firefox() {
    journey(Engine::Firefox).await;
}

#[tokio::test(flavor = "current_thread")]
#[ignore = "needs the release build and the browsers: make test runs it"]
async fn the_journey_works_in_webkit() {
    journey(Engine::WebKit).await;
}

#[tokio::test(flavor = "current_thread")]
#[ignore = "needs the release build and the browsers: make test runs it"]
async fn parts_and_a_strict_policy_in_chromium() {
    parts_under_a_strict_policy(Engine::Chromium, "chromium").await;
}

#[tokio::test(flavor = "current_thread")]
#[ignore = "needs the release build and the browsers: make test runs it"]
async fn parts_and_a_strict_policy_in_firefox() {
    parts_under_a_strict_policy(Engine::Firefox, "firefox").await;
}

#[tokio::test(flavor = "current_thread")]
#[ignore = "needs the release build and the browsers: make test runs it"]
async fn parts_and_a_strict_policy_in_webkit() {
    parts_under_a_strict_policy(Engine::WebKit, "webkit").await;
}
