// Starts the app: imports the wasm-bindgen glue and the wasm whose hashed
// names Trunk writes on the <script> that loads this file (`pattern_script`
// in Trunk.toml). Trunk's own loader is an inline script; starting from a
// file instead lets the Content Security Policy in index.html refuse every
// inline script, with no hash to keep up to date.
//
// If the WebAssembly cannot run (blocked, missing, an old browser), the
// prerendered page stays as it is, readable, and `html.no-wasm` shows the
// note that its interactive features are unavailable.
const { js, wasm } = document.querySelector('script[data-wasm]').dataset;
// The page is complete without the app: let it be drawn first, then fetch
// the app's code and its data together (the data as a preload, which the
// app's own request then uses). A frame that the browser does not draw
// (off screen) still starts within a second.
await new Promise((drawn) => {
  requestAnimationFrame(() => setTimeout(drawn));
  setTimeout(drawn, 1000);
});
// The data file's address is the app's (`DATA_FILE`), which the
// prerendering writes on the app's element.
const events = document.getElementById('app')?.dataset.events;
if (events) {
  document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', href: events, crossOrigin: 'anonymous' }));
}
try {
  const bindings = await import(js);
  const instance = await bindings.default({ module_or_path: wasm });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
} catch (error) {
  const root = document.documentElement;
  root.classList.add('no-wasm');
  // The list hidden until the app filtered it is shown as it is.
  root.classList.remove('view-pending');
  const search = document.getElementById('search');
  if (search) search.disabled = true;
  console.error('The timeline app could not start:', error);
}
