// Defines the <designed-alliance> element. Whenever one is added to the page (now or later),
// it gets a shadow root of its own, with the widget's stylesheet, and the widget mounts inside:
// the host page's styles cannot reach in, and the widget's cannot reach out.
// (wasm-bindgen copies this file to snippets/<crate>-<hash>/web/, three folders below main.css.)
const sheet = new URL("../../../main.css", import.meta.url).href;

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
          const link = document.createElement("link");
          const box = document.createElement("div");
          link.rel = "stylesheet";
          link.href = sheet;
          // Shown once its stylesheet is there, so it never appears unstyled; if the
          // stylesheet cannot load, the form still works, plainly.
          box.hidden = true;
          link.onload = link.onerror = () => (box.hidden = false);
          root.replaceChildren(link, box);
          this.#unmount = mount(this, box);
        });
      }

      disconnectedCallback() {
        // Taken off the page, not just moved (a move reconnects it before this runs): the
        // widget saves what was typed and stops. Added again, it starts afresh.
        queueMicrotask(() => {
          if (this.isConnected || !this.#unmount) return;
          this.#unmount();
          this.#unmount = null;
          for (const method of ["exportJson", "importJson", "newAlliance"]) delete this[method];
        });
      }
    },
  );
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
