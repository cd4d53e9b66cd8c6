// Starts every <designed-alliance> on the page, with no inline script (so a strict
// Content-Security-Policy works). When WebAssembly cannot start, each one says so in words.
import init from "./designed-alliance.js";

// (The browser itself logs why: the policy, or the file that did not load.)
init().catch(() => {
  for (const host of document.querySelectorAll("designed-alliance")) {
    const notice = document.createElement("p");
    notice.setAttribute("role", "alert");
    notice.textContent = "This form could not start here. Please tell the owner of this website.";
    host.replaceChildren(notice);
  }
});
