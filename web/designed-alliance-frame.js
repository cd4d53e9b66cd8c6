// The iframe page's script: starts the widget, then talks with the page that embeds the frame,
// and only with it. The one origin it talks to is named in the frame page's
// <meta name="designed-alliance-parent">; empty, it is the frame's own origin. Every message
// from any other origin, or from any other window, is ignored.
import "./designed-alliance-start.js";

const host = document.querySelector("designed-alliance");
const origin = document.querySelector("meta[name=designed-alliance-parent]")?.content.trim() || location.origin;
const embedded = parent !== window;
const send = (type, detail) => embedded && parent.postMessage({ source: "designed-alliance", type, detail }, origin);

// The widget's attributes, from the frame's address: ?namespace=…&relationship=…&title=…&theme=…&template=…&lang=…&coach-name=…&coach-email=…&coach-endpoint=…&coach-desk=…&mode=…
const query = new URLSearchParams(location.search);
for (const name of ["namespace", "relationship", "title", "theme", "template", "lang", "coach-name", "coach-email", "coach-endpoint", "coach-desk", "mode"]) {
  if (query.has(name)) host.setAttribute(name, query.get(name));
}
// The page speaks the widget's language too.
const TITLES = { es: "Diseñen su alianza" };
const lang = (query.get("lang") ?? "").split(/[-_]/)[0].toLowerCase();
if (TITLES[lang]) {
  document.documentElement.lang = lang;
  document.title = TITLES[lang];
}
// The page around the widget takes the same light or dark.
if (/^(light|dark)$/.test(query.get("theme"))) document.querySelector("meta[name=color-scheme]").content = query.get("theme");

// What happens in the widget, and how tall the page is (to size the iframe).
for (const type of ["da-ready", "da-step-changed", "da-draft-saved", "da-exported", "da-agreed", "da-sent"]) {
  host.addEventListener(type, (event) => send(type, event.detail));
}
// (The page's own height, not the frame's: the frame can shrink again when the content does.)
new ResizeObserver(() => send("da-resize", { height: document.documentElement.offsetHeight })).observe(document.body);

// Requests: { type: "exportJson" | "importJson" | "newAlliance", id, text }, answered with a
// "da-result" message: { id, type, ok, value } or { id, type, ok: false, error }. Carried out
// one after another, in the order they came: importJson gives a promise (reading a file closely
// loads when first used), and a request that follows it waits for it.
let requests = Promise.resolve();
addEventListener("message", ({ origin: from, source, data }) => {
  if (!embedded || from !== origin || source !== parent) return;
  const { type, id, text } = data ?? {};
  if (!["exportJson", "importJson", "newAlliance"].includes(type)) return;
  requests = requests.then(async () => {
    let result;
    try {
      if (!host[type]) throw new Error("The form has not started yet: wait for da-ready.");
      result = { ok: true, value: await host[type](text) };
    } catch (error) {
      result = { ok: false, error: error.message };
    }
    send("da-result", { id, type, ...result });
  });
});
