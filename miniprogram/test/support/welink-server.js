// The real WeLink for the journey test: the Release build scripts/test.sh makes (`dotnet build src/WeLink.Server -c
// Release`), started as the README's local run starts it (Development: SQLite file database, in-process sandbox),
// in a temp folder of its own on a free loopback port, and stopped by its PID. With the production stores it runs
// on a database of its own in the PostgreSQL, and under a key prefix of its own in the Redis, that scripts/test.sh
// starts (WELINK_TEST_POSTGRES, WELINK_TEST_REDIS).
const { spawn, execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
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

function requiredEnv(name) {
  const value = process.env[name];
  if (!value) {
    // Tests never skip: a missing service fails the run that needs it, as the .NET tests do.
    throw new Error(`${name} is not set: run the tests through scripts/test.sh, which starts PostgreSQL and Redis (or source .services/env after scripts/services.sh start).`);
  }
  return value;
}

/** Runs one statement through psql against the maintenance database of WELINK_TEST_POSTGRES (an Npgsql connection string). */
function psql(connectionString, statement) {
  const parts = Object.fromEntries(
    connectionString
      .split(';')
      .filter(Boolean)
      .map((pair) => {
        const at = pair.indexOf('=');
        return [pair.slice(0, at).trim().toLowerCase(), pair.slice(at + 1).trim()];
      }),
  );
  execFileSync('psql', ['-v', 'ON_ERROR_STOP=1', '-q', '-h', parts.host, '-p', parts.port ?? '5432', '-U', parts.username, '-d', parts.database ?? 'postgres', '-c', statement], {
    env: { ...process.env, PGPASSWORD: parts.password ?? '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return parts;
}

/** The settings and the clean-up for the stores WeLink runs on: the local run's (SQLite, in process) or production's. */
function storesFor(stores) {
  if (stores === 'local') return { env: {}, drop: () => {} };
  if (stores !== 'production') throw new Error(`Unknown stores "${stores}": "local" or "production".`);
  const postgres = requiredEnv('WELINK_TEST_POSTGRES');
  const redis = requiredEnv('WELINK_TEST_REDIS');
  const suffix = crypto.randomBytes(8).toString('hex');
  const database = `welink_journey_${suffix}`;
  const server = psql(postgres, `CREATE DATABASE ${database}`);
  const connection = `Host=${server.host};Port=${server.port ?? '5432'};Username=${server.username};Password=${server.password ?? ''};Database=${database}`;
  return {
    env: {
      Database__Provider: 'postgres',
      ConnectionStrings__WeLink: connection,
      ConnectionStrings__Redis: redis,
      Redis__KeyPrefix: `welink-journey-${suffix}:`,
    },
    drop: () => psql(postgres, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`),
  };
}

/**
 * Starts WeLink on the given stores ('local': the README's local run; 'production': PostgreSQL and Redis); `stop()`
 * ends that process and removes its folder and database.
 */
async function startWeLink({ stores = 'local' } = {}) {
  if (!fs.existsSync(dll)) {
    throw new Error(`No WeLink build at ${dll}: run \`dotnet build src/WeLink.Server -c Release\` first (scripts/test.sh does).`);
  }
  // The content root is the temp folder: WeLink's database and the sandbox's world land in its data/, as in the local run.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'welink-journey-'));
  for (const settings of ['appsettings.json', 'appsettings.Development.json']) {
    fs.copyFileSync(path.join(path.dirname(dll), settings), path.join(dir, settings));
  }
  const { env: storeSettings, drop } = storesFor(stores);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const log = [];
  const server = spawn('dotnet', [dll, `--urls=${base}`], {
    cwd: dir,
    env: { ...process.env, ...storeSettings, ASPNETCORE_ENVIRONMENT: 'Development', DOTNET_NOLOGO: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.on('data', (chunk) => log.push(chunk.toString()));
  server.stderr.on('data', (chunk) => log.push(chunk.toString()));
  try {
    await waitUntilReady(base, server, log);
  } catch (error) {
    server.kill('SIGKILL');
    drop();
    throw error;
  }
  return {
    base,
    log,
    stop: () =>
      new Promise((resolve) => {
        const removeFolder = () => {
          fs.rmSync(dir, { recursive: true, force: true });
          drop();
          resolve();
        };
        if (server.exitCode !== null) return removeFolder();
        server.once('exit', removeFolder);
        process.kill(server.pid, 'SIGTERM');
      }),
  };
}

module.exports = { startWeLink };
