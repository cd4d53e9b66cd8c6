// Starts every <designed-alliance> on the page, with no inline script (so a strict
// Content-Security-Policy works). When WebAssembly cannot start, each one says so in words.
import init from "./designed-alliance.js";

init().catch((error) => {
  console.error("designed-alliance could not start:", error);
  for (const host of document.querySelectorAll("designed-alliance")) {
    const notice = document.createElement("p");
    notice.setAttribute("role", "alert");
    notice.textContent =
      "This form could not start. The page may not allow WebAssembly, or a file did not load. " +
      "Please tell the owner of this website.";
    host.replaceChildren(notice);
  }
});
