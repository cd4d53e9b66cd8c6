// Defines the <designed-alliance> element. Whenever one is added to the page (now or later),
// it gets a shadow root of its own, with the widget's stylesheet, and the widget mounts inside:
// the host page's styles cannot reach in, and the widget's cannot reach out.
// (wasm-bindgen copies this file to snippets/<crate>-<hash>/web/, three folders below main.css.)
const sheet = new URL("../../../main.css", import.meta.url).href;

// A language's catalogue of words (lang/es.json), next to the stylesheet.
export function catalogueUrl(language) {
  return new URL(`../../../lang/${language}.json`, import.meta.url).href;
}

export function define(tag, mount) {
  if (customElements.get(tag)) return;
  customElements.define(
    tag,
    class extends HTMLElement {
      #unmount = null;

      connectedCallback() {
        // Once the script that added it has finished, as in disconnectedCallback below: an
        // element that replaced another starts after that one has saved and stopped, so it
        // reopens the same draft.
        queueMicrotask(() => {
          // Moved elsewhere on the page: the widget inside moves with it, as it is. Already
          // taken off again: nothing to start.
          if (this.#unmount || !this.isConnected) return;
          const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
          // The start script's "Loading the form…" stays in its place until the widget's
          // stylesheet is there, and its stylesheet is the widget's (never loaded twice, never
          // taken away from the frame while it shows).
          const loading = root.querySelector("[data-da-loading]");
          const kept = loading && root.querySelector('link[rel="stylesheet"]');
          const link = kept ?? document.createElement("link");
          const box = document.createElement("div");
          if (!kept) {
            link.rel = "stylesheet";
            link.href = sheet;
          }
          // Shown once its stylesheet is there, so it never appears unstyled; if the
          // stylesheet cannot load, the form still works, plainly.
          box.hidden = true;
          const show = () => {
            loading?.remove();
            box.hidden = false;
          };
          const arrived = kept?.hasAttribute("data-da-done");
          if (!arrived) link.onload = link.onerror = show;
          // The kept stylesheet stays where it is: taken out and put back, a browser may
          // apply it again, and for that moment the form would show unstyled (and taller).
          if (kept) root.append(box);
          else root.replaceChildren(link, ...(loading ? [loading] : []), box);
          follow(this);
          this.#unmount = mount(this, box);
          if (arrived) show();
        });
      }

      disconnectedCallback() {
        // Taken off the page, not just moved (a move reconnects it before this runs): the
        // widget saves what was typed and stops. Added again, it starts afresh.
        queueMicrotask(() => {
          if (this.isConnected || !this.#unmount) return;
          followed.delete(this);
          this.#unmount();
          this.#unmount = null;
          for (const method of ["exportJson", "importJson", "newAlliance"]) delete this[method];
        });
      }
    },
  );
}

// With theme="auto" (the default) a widget follows the page's colour scheme when the page
// declares a single one (CSS `color-scheme` where the element sits, or <meta name="color-scheme">).
// A page that declares none is drawn light by the browser unless its own colours say otherwise:
// the widget then follows the background it sits on (the first opaque background colour from its
// parent up: light or dark by its luminance; none at all is the browser's white). A page that
// allows both, or whose background cannot be read, follows the system. The answer goes in
// data-da-page for the stylesheet, and follows a page that switches later (a site's own
// dark-mode switch on <html> or <body>, or a page whose colours follow the system's).
const followed = new Set();
let watcher = null;
let painter = null;

// [r, g, b, alpha] (0 to 255) of a CSS colour in any syntax the browser knows, or null.
function rgba(colour) {
  try {
    painter ??= document.createElement("canvas").getContext("2d", { willReadFrequently: true });
    if (!painter) return null;
    painter.clearRect(0, 0, 1, 1);
    painter.fillStyle = colour;
    painter.fillRect(0, 0, 1, 1);
    return painter.getImageData(0, 0, 1, 1).data;
  } catch {
    return null;
  }
}

function backgroundScheme(el) {
  for (let at = el.parentElement; at; at = at.parentElement) {
    const style = getComputedStyle(at);
    if (style.backgroundImage !== "none") return null;
    const c = rgba(style.backgroundColor);
    if (!c) return null;
    if (c[3] < 128) continue;
    const lin = (v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    const luminance = 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
    // Where black and white text read equally well on it.
    return luminance < 0.179 ? "dark" : "light";
  }
  return "light";
}

function pageScheme(el) {
  let declared = getComputedStyle(el.parentElement ?? document.documentElement).colorScheme;
  if (!declared || declared === "normal") {
    declared = document.querySelector('meta[name="color-scheme"]')?.content ?? "";
  }
  const schemes = declared.split(/\s+/).filter((word) => word === "light" || word === "dark");
  if (schemes.length === 1) return schemes[0];
  return schemes.length === 0 ? backgroundScheme(el) : null;
}

function mark(el) {
  const scheme = pageScheme(el);
  if (scheme === el.getAttribute("data-da-page")) return;
  if (scheme) el.setAttribute("data-da-page", scheme);
  else el.removeAttribute("data-da-page");
}

function follow(el) {
  followed.add(el);
  mark(el);
  if (watcher) return;
  watcher = new MutationObserver(() => followed.forEach(mark));
  const options = { attributes: true, attributeFilter: ["class", "style", "data-theme", "data-color-scheme"] };
  watcher.observe(document.documentElement, options);
  if (document.body) watcher.observe(document.body, options);
  watcher.observe(document.head ?? document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ["content"] });
  // A page whose colours follow the system's, and stylesheets that arrive late.
  const again = () => followed.forEach(mark);
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", again);
  addEventListener("load", again, { once: true });
}

// Calls show(text) when this widget's WebAssembly traps: an uncaught RuntimeError (from an
// event handler, a timer) or an unhandled rejection (from a promise) whose stack passes through
// the widget's files. Another script's errors, and another module's traps, are left alone.
export function watchTraps(show) {
  const check = (e) => {
    const error = e.error instanceof WebAssembly.RuntimeError ? e.error : e.reason;
    if (error instanceof WebAssembly.RuntimeError && String(error.stack).includes("designed-alliance")) show(String(error));
  };
  addEventListener("error", check);
  addEventListener("unhandledrejection", check);
}
