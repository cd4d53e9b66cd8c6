// Starts every <designed-alliance> on the page, with no inline script (so a strict
// Content-Security-Policy works). The WebAssembly, the largest file, is requested at once, while
// the scripts that run it load, instead of after them. When WebAssembly cannot start, each
// widget says so in words.
const wasm = fetch(new URL("./designed-alliance_bg.wasm", import.meta.url));
// Its failure is reported below, once, as the widget's.
wasm.catch(() => {});

import("./designed-alliance.js")
  .then(({ default: init }) => init({ module_or_path: wasm }))
  // (The browser itself logs why: the policy, or the file that did not load.)
  .catch(() => {
    for (const host of document.querySelectorAll("designed-alliance")) {
      const notice = document.createElement("p");
      notice.setAttribute("role", "alert");
      notice.textContent = "This form could not start here. Please tell the owner of this website.";
      host.replaceChildren(notice);
    }
  });
