// The one browser both the end-to-end tests and the benchmark launch: the
// system's Chromium (Debian's package), never a download, with the flags
// that keep a headless run quiet and offline.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROME_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
