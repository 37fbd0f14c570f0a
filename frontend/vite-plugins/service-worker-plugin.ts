// Builds src/service-worker/sw.ts to /sw.js beside the app (a second entry of the same build) and writes
// into it what only the finished build knows: the offline shell's files (the offline page, the icons and
// the manifest, the app's entry script and stylesheet) and a version that changes with any file.
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

const entry = 'src/service-worker/sw.ts';
const output = 'sw.js';

/** Files of public/ that make the offline shell (the entry's script and stylesheet are added from the build). */
const publicShell = [
  '/offline.html',
  '/offline.css',
  '/offline.js',
  '/theme.js',
  '/favicon.svg',
  '/manifest.webmanifest',
  '/icons/icon-192.png',
  '/icons/icon-512.png',
  '/icons/maskable-192.png',
  '/icons/maskable-512.png',
];

interface OutputChunk {
  type: 'chunk';
  name: string;
  isEntry: boolean;
  fileName: string;
  code: string;
  imports: string[];
  viteMetadata?: { importedCss: Set<string> };
}

function appEntryFiles(bundle: Record<string, { type: string }>): string[] {
  const chunks = Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk');
  const entries = chunks.filter((chunk) => chunk.isEntry && chunk.fileName !== output);
  return entries.flatMap((chunk) => [
    chunk.fileName,
    ...chunk.imports,
    ...(chunk.viteMetadata ? [...chunk.viteMetadata.importedCss] : []),
  ]);
}

function replaceToken(code: string, token: string, value: string): string {
  const pattern = new RegExp(`(["'\`])${token}\\1`);
  if (!pattern.test(code)) throw new Error(`${output}: ${token} is missing; the shell cannot be written in.`);
  return code.replace(pattern, value);
}

export function serviceWorker(): Plugin {
  return {
    name: 'focusmate-service-worker',
    apply: 'build',
    config: () => ({
      build: {
        rollupOptions: {
          input: { index: 'index.html', sw: entry },
          output: {
            entryFileNames: (chunk) => (chunk.name === 'sw' ? output : 'assets/[name]-[hash].js'),
          },
        },
      },
    }),
    generateBundle(_options, bundle) {
      const worker = bundle[output];
      if (worker?.type !== 'chunk') throw new Error(`The build made no ${output}.`);
      const shell = [...publicShell, ...appEntryFiles(bundle).map((file) => `/${file}`)];
      const version = createHash('sha256')
        .update(Object.keys(bundle).sort().join('\n'))
        .digest('hex')
        .slice(0, 12);
      let code = replaceToken(
        worker.code,
        '__FOCUSMATE_SHELL__',
        shell.map((file) => JSON.stringify(file)).join(','),
      );
      // Inside a string of its own or folded into another ("focusmate-…"): a bare hex word fits both.
      if (!code.includes('__FOCUSMATE_VERSION__'))
        throw new Error(`${output}: the version token is missing.`);
      code = code.replaceAll('__FOCUSMATE_VERSION__', version);
      worker.code = code;
    },
  };
}
