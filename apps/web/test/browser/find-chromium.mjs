// Where the browser tests find Chromium (or Chrome): CHROMIUM_PATH when set, else the usual places
// on Debian and Ubuntu (apt and snap), other Linux installs of Google Chrome, and macOS.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Names looked up on PATH when none of the usual places has a browser (other Linux distributions, Homebrew). */
export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** The one line printed when no browser is found. */
export const CHROMIUM_MISSING =
  'Browser tests need Chromium or Google Chrome: install it (Debian/Ubuntu: `apt-get install -y chromium`) or set CHROMIUM_PATH to its executable.';

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Headless Chromium's flags, for the browser tests and the web scripts (Lighthouse, request timing)
 * alike: as ../shared/STACK.md found them to work as root in a container. No --user-data-dir here.
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The browser to launch: `CHROMIUM_PATH` when it is set (and only it: a wrong path is an error, not
 * a reason to fall back), else the first of CHROMIUM_CANDIDATES that is an executable file, else
 * the first of CHROMIUM_NAMES on PATH; null when there is none.
 */
export function findChromium(env = process.env) {
  const chosen = env.CHROMIUM_PATH?.trim();
  if (chosen) return executable(chosen) ? chosen : null;
  const onPath = (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => CHROMIUM_NAMES.map((name) => join(dir, name)));
  return [...CHROMIUM_CANDIDATES, ...onPath].find(executable) ?? null;
}

/** Why no browser was found, in one line: CHROMIUM_MISSING, after the bad CHROMIUM_PATH if one was set. */
export function chromiumMissing(env = process.env) {
  const chosen = env.CHROMIUM_PATH?.trim();
  return chosen ? `CHROMIUM_PATH=${chosen} is not an executable file. ${CHROMIUM_MISSING}` : CHROMIUM_MISSING;
}
