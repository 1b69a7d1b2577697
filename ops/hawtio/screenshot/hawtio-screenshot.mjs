// Takes the README's Hawtio screenshots of this service (run through scripts/hawtio-screenshot.sh):
//   1. a stand-in Last.fm on 127.0.0.1 answering artist.getInfo / artist.getSimilar from the test fixtures;
//   2. the server jar on free loopback ports with JOLOKIA_ENABLED=true (its own temporary data directory);
//   3. a few MCP calls (initialize, tools/list, tools/call get_artist_info and get_similar_artists), so the route
//      statistics are not all zero;
//   4. scripts/hawtio.sh (Hawtio 4.2.0) connected to the server's Jolokia;
//   5. Debian's Chromium (headless, fresh profile) opens Hawtio's Camel plugin, waits for the real content (the
//      routes table, then the route diagram's steps) and saves two PNGs.
// Every process it starts is stopped by its PID at the end; the whole run is bounded (RUN_TIMEOUT_MS).
// Usage: node hawtio-screenshot.mjs REPO_DIR OUT_DIR
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [repo, outDir] = process.argv.slice(2).map((p) => path.resolve(p));
const RUN_TIMEOUT_MS = Number(process.env.RUN_TIMEOUT_MS || 15 * 60_000);
const STEP_TIMEOUT_MS = Number(process.env.STEP_TIMEOUT_MS || 5 * 60_000);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ROUTE = process.env.HAWTIO_ROUTE || 'tool-get_artist_info';
const FILTER = process.env.HAWTIO_FILTER || 'artist';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hawtio-shot-'));
const children = [];
let stub;

function log(message) {
  console.log(`[hawtio-screenshot] ${message}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(what, check, timeoutMs = STEP_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch (e) {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function start(name, command, args, env, cwd) {
  const out = fs.openSync(path.join(work, `${name}.log`), 'a');
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', out, out] });
  children.push({ name, child });
  child.on('exit', (code, signal) => log(`${name} (pid ${child.pid}) ended: ${signal || code}`));
  log(`${name} started, pid ${child.pid}, log ${path.join(work, `${name}.log`)}`);
  return child;
}

async function stopAll() {
  for (const { name, child } of children.reverse()) {
    if (child.exitCode === null && child.signalCode === null) {
      const ended = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await ended;
      clearTimeout(timer);
      log(`${name} stopped`);
    }
  }
  if (stub) await new Promise((r) => stub.close(r));
}

/** A Last.fm stand-in: the recorded answers of the test fixtures, error 6 for anything else. */
function lastfmStub(port) {
  const fixtures = path.join(repo, 'src/test/resources/fixtures/lastfm');
  const answers = {
    'artist.getInfo': 'artist.getInfo__the-weeknd.json',
    'artist.getSimilar': 'artist.getSimilar__metallica.json',
  };
  const server = http.createServer((req, res) => {
    const method = new URL(req.url, 'http://127.0.0.1').searchParams.get('method');
    const file = answers[method];
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(file ? fs.readFileSync(path.join(fixtures, file))
      : JSON.stringify({ error: 6, message: 'The artist you supplied could not be found' }));
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

async function mcpCalls(base) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };
  const post = async (body, extra = {}) => {
    const response = await fetch(`${base}/mcp`, { method: 'POST', headers: { ...headers, ...extra },
      body: JSON.stringify(body) });
    if (response.status >= 300) throw new Error(`MCP ${body.method}: HTTP ${response.status}`);
    return response;
  };
  const init = await post({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25',
    capabilities: {}, clientInfo: { name: 'hawtio-screenshot', version: '1' } } });
  const session = { 'Mcp-Session-Id': init.headers.get('mcp-session-id'), 'MCP-Protocol-Version': '2025-11-25' };
  await post({ jsonrpc: '2.0', method: 'notifications/initialized' }, session);
  await post({ jsonrpc: '2.0', id: 2, method: 'tools/list' }, session);
  let id = 3;
  for (let i = 0; i < 12; i++) {
    const artist = await post({ jsonrpc: '2.0', id: id++, method: 'tools/call', params: { name: 'get_artist_info',
      arguments: { artist: 'The Weeknd' } } }, session);
    const text = await artist.text();
    if (!text.includes('The Weeknd')) throw new Error(`get_artist_info did not answer from the stand-in: ${text}`);
    await post({ jsonrpc: '2.0', id: id++, method: 'tools/call', params: { name: 'get_similar_artists',
      arguments: { artist: 'Metallica', limit: 5 } } }, session);
  }
  await post({ jsonrpc: '2.0', id: id++, method: 'ping' }, session);
  log(`${id - 1} MCP requests answered`);
}

async function screenshots(hawtioPort, managementPort) {
  const profile = fs.mkdtempSync(path.join(work, 'chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1600, height: 1100 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = browser.pages()[0] || await browser.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    page.on('response', (r) => { if (r.status() >= 400) log(`Hawtio got HTTP ${r.status()} for ${r.url()}`); });
    // Hawtio 4 keeps its connections in localStorage and picks one with ?con=<id>
    await page.addInitScript((port) => {
      const connection = { id: 'lastfm-mcp', name: 'lastfm-mcp', scheme: 'http', host: '127.0.0.1', port,
        path: '/observe/jolokia' };
      localStorage.setItem('connect.connections', JSON.stringify({ 'lastfm-mcp': connection }));
    }, managementPort);
    await page.goto(`http://127.0.0.1:${hawtioPort}/hawtio/camel/routes?con=lastfm-mcp`,
      { timeout: STEP_TIMEOUT_MS });

    // 1. the routes folder of the Camel tree: every route with its state and exchange counts
    const folder = page.getByText('routes', { exact: true }).first();
    await folder.waitFor({ state: 'visible' });
    await folder.click();
    const table = page.locator('table');
    await table.getByText('mcp-exchange', { exact: true }).waitFor({ state: 'visible' });
    await table.getByText('Started').first().waitFor({ state: 'visible' });
    // busiest routes first: sort by the Total column, descending
    const total = table.locator('th').filter({ hasText: /^Total$/ }).locator('button');
    for (let i = 0; i < 2 && await table.locator('th[aria-sort="descending"]').count() === 0; i++) {
      await total.click();
    }
    await page.waitForTimeout(2000);
    const routesPng = path.join(outDir, 'hawtio-camel-routes.png');
    await page.screenshot({ path: routesPng });
    log(`saved ${routesPng}`);

    // 2. one tool route's diagram, each step with its exchange count
    // the tree filtered by the search box, so the selected route shows beside its diagram
    await page.locator('input[type=search], input[aria-label="Search input"]').first().fill(FILTER);
    await page.waitForTimeout(2000);
    const node = page.getByText(ROUTE, { exact: true }).first();
    await node.click();
    await page.getByText(`name="${ROUTE}"`).waitFor({ state: 'visible' });
    await page.getByText('Route Diagram', { exact: true }).first().click();
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length >= 5,
      null, { timeout: STEP_TIMEOUT_MS });
    await page.waitForTimeout(3000);
    const body = await page.locator('body').innerText();
    if (/Loading/.test(body)) throw new Error('Hawtio still shows "Loading"');
    const diagramPng = path.join(outDir, 'hawtio-route-diagram.png');
    await page.screenshot({ path: diagramPng });
    log(`saved ${diagramPng} (${await page.locator('.react-flow__node').count()} steps of ${ROUTE})`);
  } finally {
    await browser.close();
  }
}

async function main() {
  const [lastfmPort, port, managementPort, hawtioPort] = [await freePort(), await freePort(), await freePort(),
    await freePort()];
  stub = await lastfmStub(lastfmPort);
  log(`Last.fm stand-in on 127.0.0.1:${lastfmPort}`);
  start('server', 'java', ['-jar', path.join(repo, 'target/lastfm-mcp.jar')], {
    PORT: String(port), BIND_HOST: '127.0.0.1', MANAGEMENT_PORT: String(managementPort), JOLOKIA_ENABLED: 'true',
    MCP_DATA_DIR: path.join(work, 'data'), LASTFM_API_KEY: '0123456789abcdef0123456789abcdef',
    LASTFM_API_URL: `http://127.0.0.1:${lastfmPort}/2.0/`, MUSICBRAINZ_ENABLED: 'false',
  }, repo);
  const base = `http://127.0.0.1:${port}`;
  await waitFor('the server', async () => (await fetch(`${base}/health`)).ok);
  await waitFor('Jolokia', async () => (await fetch(
    `http://127.0.0.1:${managementPort}/observe/jolokia/version`)).ok);
  log(`server ready at ${base}, Jolokia at http://127.0.0.1:${managementPort}/observe/jolokia`);
  await mcpCalls(base);
  start('hawtio', 'bash', [path.join(repo, 'scripts/hawtio.sh')],
    { HAWTIO_PORT: String(hawtioPort), MANAGEMENT_PORT: String(managementPort) }, repo);
  await waitFor('Hawtio', async () => (await fetch(`http://127.0.0.1:${hawtioPort}/hawtio/`)).ok);
  log(`Hawtio at http://127.0.0.1:${hawtioPort}/hawtio/`);
  fs.mkdirSync(outDir, { recursive: true });
  await screenshots(hawtioPort, managementPort);
}

const timer = setTimeout(async () => {
  log(`the run took over ${RUN_TIMEOUT_MS / 1000} s: stopping`);
  await stopAll();
  process.exit(1);
}, RUN_TIMEOUT_MS);
let failed = false;
try {
  await main();
} catch (e) {
  failed = true;
  log(`failed: ${e.message}`);
  for (const { name } of children) {
    const file = path.join(work, `${name}.log`);
    if (fs.existsSync(file)) log(`last lines of ${name}.log:\n${fs.readFileSync(file, 'utf8').split('\n').slice(-15).join('\n')}`);
  }
} finally {
  await stopAll();
  clearTimeout(timer);
  if (!failed) fs.rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
