// A small W3C WebDriver client over fetch, and the two engines the smoke suite drives with it:
// Firefox (Debian's firefox-esr through geckodriver) and WebKit (WebKitGTK's MiniBrowser
// through WebKitWebDriver, under a virtual X display). Only the commands the suite needs:
// sessions, navigation, scripts, finding elements, clicks and key presses. Ours rather than
// selenium-webdriver: it is about 150 lines against a package of several megabytes, and the
// wire protocol is plain JSON over HTTP, which node's fetch speaks.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The key under which WebDriver sends and receives element references. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** The engines, each with how to start its driver and the capabilities of a new session. */
export const engines = {
  firefox: {
    name: 'Firefox',
    driver: process.env.GECKODRIVER || path.join(homedir(), '.cargo/bin/geckodriver'),
    binary: process.env.FIREFOX || '/usr/bin/firefox-esr',
    command: (port) => [engines.firefox.driver, ['--port', String(port), '--log', 'error']],
    capabilities: () => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: engines.firefox.binary,
        args: ['-headless'],
        prefs: {
          // Nothing reaches out: updates, telemetry, safe browsing, captive portal checks.
          'app.update.disabledForTesting': true,
          'browser.safebrowsing.malware.enabled': false,
          'browser.safebrowsing.phishing.enabled': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'network.captive-portal-service.enabled': false,
          'network.connectivity-service.enabled': false,
        },
      },
    }),
  },
  webkit: {
    name: 'WebKit',
    driver: process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver',
    binary: process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    // MiniBrowser is a GTK window: xvfb-run gives it a display of its own (-a: a free one).
    command: (port) => ['xvfb-run', ['-a', engines.webkit.driver, `--port=${port}`]],
    capabilities: () => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: engines.webkit.binary, args: ['--automation'] },
    }),
  },
};

/** A free TCP port on this machine. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the driver of `engine` (a value of `engines`) and waits until it answers.
 * Returns { url, stop, log }. Fails, naming what is missing, when the driver or the browser
 * is not installed, so a machine without them fails the suite instead of skipping it.
 */
export async function startDriver(engine) {
  for (const file of [engine.driver, engine.binary]) {
    if (!existsSync(file)) throw new Error(`${engine.name}: ${file} is missing (run scripts/setup.sh)`);
  }
  const port = await freePort();
  const [program, args] = engine.command(port);
  // Its own process group, so stop() ends the driver, the browser and the X server together.
  const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const log = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => log.push(...chunk.split('\n').filter(Boolean)));
  }
  let exited = false;
  const gone = new Promise((resolve) => child.on('exit', () => resolve((exited = true))));
  child.on('error', (error) => log.push(`spawn: ${error.message}`));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exited) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 5000);
    await gone;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 20000;
  for (;;) {
    if (exited) throw new Error(`${engine.name}: the driver exited at once: ${log.join('\n')}`);
    try {
      const response = await fetch(`${url}/status`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${engine.name}: the driver did not answer in 20 s: ${log.join('\n')}`);
    }
    await sleep(100);
  }
  return { url, stop, log };
}

/** An error the remote end returned: its WebDriver error code and message. */
export class WebDriverError extends Error {
  constructor(command, value) {
    super(`${command}: ${value.error}: ${value.message}`);
    this.code = value.error;
  }
}

/** One HTTP command to a driver at `url`; returns the answer's `value`. */
async function command(url, method, route, body) {
  const response = await fetch(url + route, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const { value } = await response.json();
  if (!response.ok || (value && value.error)) throw new WebDriverError(`${method} ${route}`, value);
  return value;
}

/**
 * Opens a session on the driver at `driverUrl` with `capabilities` (alwaysMatch).
 * Returns a Session; its `capabilities` are what the browser reports (name, version).
 */
export async function newSession(driverUrl, capabilities) {
  const value = await command(driverUrl, 'POST', '/session', { capabilities: { alwaysMatch: capabilities } });
  return new Session(driverUrl, value.sessionId, value.capabilities);
}

/** A WebDriver session: one browser window under test. */
export class Session {
  constructor(driverUrl, id, capabilities) {
    this.base = `${driverUrl}/session/${id}`;
    this.capabilities = capabilities;
  }

  /** Sends `method route` within this session. */
  send(method, route, body) {
    return command(this.base, method, route, body);
  }

  /** Sets the page-load, script and implicit-wait timeouts (ms). */
  timeouts(values) {
    return this.send('POST', '/timeouts', values);
  }

  /** Opens `url` and waits for its load event. */
  navigate(url) {
    return this.send('POST', '/url', { url });
  }

  /** The address of the current page. */
  url() {
    return this.send('GET', '/url');
  }

  /** Runs `script` (a function body; `arguments` holds `args`) in the page; returns its value. */
  execute(script, ...args) {
    return this.send('POST', '/execute/sync', { script, args });
  }

  /** The first element matching the CSS `selector`, or null. */
  async find(selector) {
    const found = await this.send('POST', '/elements', { using: 'css selector', value: selector });
    return found.length ? found[0] : null;
  }

  /**
   * Clicks `element` (from find) as a person would. It is scrolled to the middle of the view
   * at once first: WebKit's driver fails a click on an element that a smooth scroll (the
   * site's `scroll-behavior: smooth`) is still moving.
   */
  async click(element) {
    await this.execute(
      `document.documentElement.style.scrollBehavior = 'auto';
       arguments[0].scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });`,
      element,
    );
    return this.send('POST', `/element/${element[ELEMENT]}/click`, {});
  }

  /**
   * Types `text` on the keyboard, key by key, into whatever has the focus, as a person does.
   * (Element Send Keys would aim at one element, and fail if the page replaced it meanwhile.)
   */
  async keys(text) {
    const actions = [...text].flatMap((value) => [
      { type: 'keyDown', value },
      { type: 'keyUp', value },
    ]);
    await this.send('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.send('DELETE', '/actions');
  }

  /**
   * Polls `script` (as for execute) until it returns a truthy value, and returns that value.
   * A failing script (the page going away mid-navigation, say) counts as not yet. After
   * `timeout` ms it throws, with `what` and the last value or error.
   */
  async waitFor(what, script, { timeout = 15000, args = [] } = {}) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await this.execute(script, ...args);
        if (last) return last;
      } catch (error) {
        last = error;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
      }
      await sleep(100);
    }
  }

  /** Ends the session and closes the browser. */
  quit() {
    return this.send('DELETE', '');
  }
}
