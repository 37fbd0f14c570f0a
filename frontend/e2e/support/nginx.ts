// Runs the repository's own nginx config (deploy/nginx/focusmate.conf.template, the one the web image
// uses) in front of e2e API processes, rendered as the image would, inside a wrapper nginx.conf with
// its own pid, logs and temp folders (as tests/FocusMate.ScaleOutTests/Support/Cluster.cs does).
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { freePort, waitForHealth } from './backend';

const frontendDir = path.resolve(import.meta.dirname, '..', '..');
const templatePath = path.resolve(frontendDir, '..', 'deploy', 'nginx', 'focusmate.conf.template');
const spaDir = path.join(frontendDir, 'dist');
const nginxBinary = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

export class Nginx {
  private constructor(
    readonly port: number,
    private readonly workDir: string,
    private readonly process: ChildProcess,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get errorLog(): string {
    const file = path.join(this.workDir, 'error.log');
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  }

  get accessLog(): string {
    const file = path.join(this.workDir, 'access.log');
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  }

  /** nginx on a free port, proxying to the API instances on `apiPorts`. */
  static async start(apiPorts: number[]): Promise<Nginx> {
    if (!existsSync(nginxBinary)) {
      throw new Error(
        `nginx is not installed at ${nginxBinary} (apt-get install -y nginx, or set NGINX_PATH).`,
      );
    }
    const port = await freePort();
    const workDir = mkdtempSync(path.join(tmpdir(), 'focusmate-nginx-'));
    // nginx workers run as an unprivileged user: they must be able to enter the folder.
    chmodSync(workDir, 0o755);
    const site = readFileSync(templatePath, 'utf8')
      .replaceAll('${NGINX_PORT}', `127.0.0.1:${port}`)
      .replaceAll('${SPA_ROOT}', spaDir)
      .replaceAll('${API_SERVERS}', apiPorts.map((p) => `server 127.0.0.1:${p};`).join(' '))
      .replaceAll('${ACCESS_LOG}', path.join(workDir, 'access.log'))
      .replaceAll('${API_UPSTREAM}', 'focusmate_api')
      .replaceAll('${NGINX_RESOLVER}', '127.0.0.11')
      .replaceAll('${NGINX_SNIPPETS}', path.dirname(templatePath))
      // All test traffic comes from 127.0.0.1: limits far above what the suites send.
      .replaceAll('${NGINX_API_RATE}', '10000r/s')
      .replaceAll('${NGINX_API_BURST}', '10000')
      .replaceAll('${NGINX_HUB_RATE}', '10000r/s')
      .replaceAll('${NGINX_HUB_BURST}', '10000')
      .replaceAll('${NGINX_HUB_CONNECTIONS}', '10000');
    const sitePath = path.join(workDir, 'focusmate.conf');
    writeFileSync(sitePath, site);
    const mainPath = path.join(workDir, 'nginx.conf');
    writeFileSync(
      mainPath,
      `worker_processes 1;
daemon off;
pid ${workDir}/nginx.pid;
error_log ${workDir}/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  client_body_temp_path ${workDir}/client_body;
  proxy_temp_path ${workDir}/proxy;
  fastcgi_temp_path ${workDir}/fastcgi;
  uwsgi_temp_path ${workDir}/uwsgi;
  scgi_temp_path ${workDir}/scgi;
  include ${sitePath};
}
`,
    );
    const child = spawn(nginxBinary, ['-p', workDir, '-e', path.join(workDir, 'error.log'), '-c', mainPath], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const nginx = new Nginx(port, workDir, child);
    try {
      await waitForHealth(nginx.url, child, 20_000);
    } catch (error) {
      await nginx.stop();
      throw new Error(`${(error as Error).message}\n--- nginx ---\n${stderr}\n${nginx.errorLog}`);
    }
    return nginx;
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (child.exitCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
    rmSync(this.workDir, { recursive: true, force: true });
  }
}
