// Starts the real API for the end-to-end tests: built in Release if its dll is missing, on a free
// port, with a fresh data folder and the test-only clock hook, serving the built SPA so the browser
// talks to one origin. Tests may kill and restart it (same port, same data).
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const frontendDir = path.resolve(import.meta.dirname, '..', '..');
const repoDir = path.resolve(frontendDir, '..');
// The real app run by the test host, which adds the test-only clock hook (the production binary has none).
const binDir = path.join(repoDir, 'tests', 'FocusMate.TestHost', 'bin', 'Release', 'net10.0');
const dll = path.join(binDir, 'FocusMate.TestHost.dll');
const spaDir = path.join(frontendDir, 'dist');

function ensureBuilt(): void {
  if (!existsSync(path.join(spaDir, 'index.html'))) {
    throw new Error('frontend/dist is missing: run `npm run build` first (npm run e2e does).');
  }
  if (!existsSync(dll)) {
    execSync('dotnet build tests/FocusMate.TestHost -c Release', { cwd: repoDir, stdio: 'inherit' });
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function waitForHealth(url: string, process: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process.exitCode !== null)
      throw new Error(`The API exited with code ${process.exitCode} while starting.`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The API did not become healthy at ${url} within ${timeoutMs} ms.`);
}

export class Backend {
  private process: ChildProcess | undefined;
  private log = '';
  /** How far the tests moved the server's clock on: a restarted process starts from the real clock. */
  private advancedSeconds = 0;

  private constructor(
    readonly port: number,
    private readonly workDir: string,
    private readonly settings: Record<string, string>,
  ) {}

  private get dataDir(): string {
    return path.join(this.workDir, 'data');
  }

  /** A private copy of the built API: a rebuild of the shared bin folder must not pull it from under us. */
  private get apiDir(): string {
    return path.join(this.workDir, 'api');
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** `settings`: extra configuration as environment variables (`Retention__RoomInactivity`, …). */
  static async start(settings: Record<string, string> = {}): Promise<Backend> {
    ensureBuilt();
    const workDir = mkdtempSync(path.join(tmpdir(), 'focusmate-e2e-'));
    const backend = new Backend(await freePort(), workDir, settings);
    cpSync(binDir, backend.apiDir, { recursive: true });
    await backend.launch();
    return backend;
  }

  private async launch(): Promise<void> {
    const child = spawn('dotnet', [path.join(this.apiDir, 'FocusMate.TestHost.dll')], {
      cwd: this.apiDir,
      env: {
        ...process.env,
        DataDirectory: this.dataDir,
        Urls: this.url,
        Spa__RootPath: spaDir,
        // Every test shares one address (127.0.0.1); tests of the limits set their own.
        RateLimiting__Enabled: 'false',
        ASPNETCORE_ENVIRONMENT: 'Production',
        // A restart starts the clock where the tests had moved it (the test host reads this at start).
        FOCUSMATE_TEST_CLOCK_OFFSET_SECONDS: String(this.advancedSeconds),
        ...this.settings,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.log = (this.log + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    this.process = child;
    try {
      await waitForHealth(this.url, child);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- API output ---\n${this.log}`);
    }
  }

  /** Ends the process: SIGKILL by default, as a crash would. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }

  /**
   * Kill and start again on the same port with the same data, as after a crash. The clock starts as far
   * on as the tests had moved it: a server's time does not go back with a restart, and tokens issued on
   * the moved clock would not be valid yet on the real one.
   */
  async restart(): Promise<void> {
    await this.kill('SIGKILL');
    await this.launch();
  }

  async stop(): Promise<void> {
    await this.kill('SIGTERM');
    rmSync(this.workDir, { recursive: true, force: true });
  }

  /** Moves the server's clock on (test-only hook) and completes any phase that falls due. */
  async advanceClock(seconds: number): Promise<void> {
    this.advancedSeconds += seconds;
    const response = await fetch(`${this.url}/_test/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ advance_seconds: seconds }),
    });
    if (!response.ok)
      throw new Error(`POST /_test/clock answered ${response.status}: ${await response.text()}`);
  }
}
