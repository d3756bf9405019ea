// Starts the app: imports the wasm-bindgen glue and the wasm whose hashed
// names Trunk writes on the <script> that loads this file (`pattern_script`
// in Trunk.toml). Trunk's own loader is an inline script; starting from a
// file instead lets the Content Security Policy in index.html refuse every
// inline script, with no hash to keep up to date.
// Language alternates must be absolute URLs for search engines, and only the
// browser knows where this copy is hosted.
for (const link of document.querySelectorAll('link[rel=alternate][hreflang]')) {
  link.setAttribute('href', link.href);
}
const { js, wasm } = document.querySelector('script[data-wasm]').dataset;
const bindings = await import(js);
const instance = await bindings.default({ module_or_path: wasm });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
