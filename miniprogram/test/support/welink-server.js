// The real WeLink for the journey test: the Release build scripts/test.sh makes (`dotnet build src/WeLink.Server -c
// Release`), started as the README's local run starts it (Development: SQLite file database, in-process sandbox),
// in a temp folder of its own on a free loopback port, and stopped by its PID.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { request } = require('./browser');

const repoRoot = path.resolve(__dirname, '../../..');
const dll = process.env.WELINK_SERVER_DLL ?? path.join(repoRoot, 'src/WeLink.Server/bin/Release/net10.0/WeLink.Server.dll');

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(base, server, log) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`WeLink exited with ${server.exitCode}:\n${log.join('')}`);
    try {
      if ((await request(`${base}/health/ready`, { method: 'GET', headers: {} })).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`WeLink was not ready within 90 s:\n${log.join('')}`);
}

/** Starts WeLink; `stop()` ends that process and removes its folder. */
async function startWeLink() {
  if (!fs.existsSync(dll)) {
    throw new Error(`No WeLink build at ${dll}: run \`dotnet build src/WeLink.Server -c Release\` first (scripts/test.sh does).`);
  }
  // The content root is the temp folder: WeLink's database and the sandbox's world land in its data/, as in the local run.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'welink-journey-'));
  for (const settings of ['appsettings.json', 'appsettings.Development.json']) {
    fs.copyFileSync(path.join(path.dirname(dll), settings), path.join(dir, settings));
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const log = [];
  const server = spawn('dotnet', [dll, `--urls=${base}`], {
    cwd: dir,
    env: { ...process.env, ASPNETCORE_ENVIRONMENT: 'Development', DOTNET_NOLOGO: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.on('data', (chunk) => log.push(chunk.toString()));
  server.stderr.on('data', (chunk) => log.push(chunk.toString()));
  try {
    await waitUntilReady(base, server, log);
  } catch (error) {
    server.kill('SIGKILL');
    throw error;
  }
  return {
    base,
    log,
    stop: () =>
      new Promise((resolve) => {
        const removeFolder = () => {
          fs.rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (server.exitCode !== null) return removeFolder();
        server.once('exit', removeFolder);
        process.kill(server.pid, 'SIGTERM');
      }),
  };
}

module.exports = { startWeLink };
