// Starts every <designed-alliance> on the page, with no inline script (so a strict
// Content-Security-Policy works). The WebAssembly, the largest file, is requested at once, while
// the scripts that run it load, instead of after them. When WebAssembly cannot start, each
// widget says so in words.
const wasm = fetch(new URL("./designed-alliance_bg.wasm", import.meta.url));
// Its failure is reported below, once, as the widget's.
wasm.catch(() => {});
// The script that loads the widget's parts is imported by its JS: fetched now, alongside it,
// rather than after it.
document.head.append(
  Object.assign(document.createElement("link"), {
    rel: "modulepreload",
    href: new URL("./__wasm_split.js", import.meta.url).href,
  }),
);

// The language a widget speaks: its lang attribute (or its container's), else the page's; a
// language other than English has its words in lang/<code>.json, fetched now, alongside the
// WebAssembly, instead of after it.
const LANGUAGES = ["en", "es"];
const languageOf = (el) => {
  const code = (el.closest("[lang]")?.lang ?? "").split(/[-_]/)[0].toLowerCase();
  return LANGUAGES.includes(code) ? code : "en";
};
for (const code of new Set([...document.querySelectorAll("designed-alliance")].map(languageOf))) {
  if (code === "en") continue;
  const link = Object.assign(document.createElement("link"), { rel: "preload", as: "fetch", crossOrigin: "anonymous" });
  link.href = new URL(`./lang/${code}.json`, import.meta.url).href;
  document.head.append(link);
}
const WORDS = {
  en: {
    loading: "Loading the form…",
    slow: "The form is taking longer than it should to load. Your connection may be slow, or the form may not be reachable.",
    failed: "This form could not start here. Please tell the owner of this website.",
    retry: "Try again",
  },
  es: {
    loading: "Cargando el formulario…",
    slow: "El formulario está tardando más de lo normal en cargar. Puede que la conexión sea lenta o que el formulario no esté disponible.",
    failed: "Este formulario no pudo iniciarse aquí. Por favor, avisen a quien gestiona este sitio web.",
    retry: "Reintentar",
  },
};
const SLOW_MS = 15_000;

// From the moment the element is seen until the widget takes its place: the widget's frame,
// saying it is loading (the widget's own stylesheet styles it, at the height of the first
// screen, so nothing below moves when the widget arrives). After 15 seconds, or when the form
// cannot start, it says so, with a way to try again (the page loads afresh: nothing was typed).
const waiting = new Map();
function say(host, key) {
  const words = WORDS[languageOf(host)];
  const box = waiting.get(host);
  if (!box?.isConnected) return;
  const text = document.createElement("p");
  text.textContent = words[key];
  const parts = [text];
  if (key !== "loading") {
    box.setAttribute("role", "alert");
    const retry = document.createElement("button");
    retry.type = "button";
    retry.className = "da-button";
    retry.textContent = words.retry;
    retry.addEventListener("click", () => location.reload());
    parts.push(retry);
  }
  box.replaceChildren(...parts);
}
for (const host of document.querySelectorAll("designed-alliance")) {
  if (host.shadowRoot) continue;
  const root = host.attachShadow({ mode: "open" });
  const sheet = Object.assign(document.createElement("link"), {
    rel: "stylesheet",
    href: new URL("./main.css", import.meta.url).href,
  });
  // The widget keeps this stylesheet: it needs to know whether it has come (or failed to).
  sheet.onload = sheet.onerror = () => sheet.setAttribute("data-da-done", "");
  const box = document.createElement("div");
  box.className = "da-widget da-loading";
  box.setAttribute("data-da-loading", "");
  box.setAttribute("role", "status");
  root.replaceChildren(sheet, box);
  waiting.set(host, box);
  say(host, "loading");
}
const slow = setTimeout(() => waiting.forEach((_, host) => say(host, "slow")), SLOW_MS);

import("./designed-alliance.js")
  .then(({ default: init }) => init({ module_or_path: wasm }))
  .then(() => clearTimeout(slow))
  // (The browser itself logs why: the policy, or the file that did not load.)
  .catch(() => {
    clearTimeout(slow);
    for (const host of document.querySelectorAll("designed-alliance")) {
      if (!waiting.get(host)?.isConnected) {
        const box = document.createElement("div");
        box.className = "da-widget da-loading";
        (host.shadowRoot ?? host.attachShadow({ mode: "open" })).replaceChildren(box);
        waiting.set(host, box);
      }
      say(host, "failed");
    }
  });
