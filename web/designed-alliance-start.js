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
const CANNOT_START = {
  en: "This form could not start here. Please tell the owner of this website.",
  es: "Este formulario no pudo iniciarse aquí. Por favor, avisen a quien gestiona este sitio web.",
};

import("./designed-alliance.js")
  .then(({ default: init }) => init({ module_or_path: wasm }))
  // (The browser itself logs why: the policy, or the file that did not load.)
  .catch(() => {
    for (const host of document.querySelectorAll("designed-alliance")) {
      const notice = document.createElement("p");
      notice.setAttribute("role", "alert");
      notice.textContent = CANNOT_START[languageOf(host)];
      host.replaceChildren(notice);
    }
  });
