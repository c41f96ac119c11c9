/**
 * The framework floor: a Next.js app with one server-rendered page and nothing of ours
 * (bench/framework-floor), built with the project's own next and react. The pages bench scores it
 * with Lighthouse in the same run as the store's pages, as the orders bench measures the sandbox
 * beside the store: what Next.js and React alone score on this machine, so a missed target can
 * be told apart from the machine's own speed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { exited, freePort, killGroup, newestMtime, sleep } from './processes';

const FLOOR_DIR = 'bench/framework-floor';
const nextBin = () => path.resolve('node_modules/next/dist/bin/next');
const floorEnv = (): NodeJS.ProcessEnv => ({ ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' });

function run(args: string[]): Promise<{ code: number; log: string }> {
  return new Promise((resolve, reject) => {
    let log = '';
    const child = spawn(process.execPath, [nextBin(), ...args], { env: floorEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, log }));
  });
}

/** Builds the floor when it has no build or its sources (or the installed Next.js) are newer, then serves it on a free port. */
export async function startFrameworkFloor(): Promise<{ url: string; stop(): Promise<void> }> {
  const buildId = path.join(FLOOR_DIR, '.next', 'BUILD_ID');
  const sources = [path.join(FLOOR_DIR, 'app'), path.join(FLOOR_DIR, 'next.config.mjs'), 'node_modules/next/package.json', 'node_modules/react-dom/package.json'];
  if (!existsSync(buildId) || statSync(buildId).mtimeMs < newestMtime(sources)) {
    console.log(`Building the framework floor (${FLOOR_DIR})...`);
    const build = await run(['build', FLOOR_DIR]);
    if (build.code !== 0) throw new Error(`next build ${FLOOR_DIR} failed (${build.code}):\n${build.log.slice(-3000)}`);
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [nextBin(), 'start', FLOOR_DIR, '--port', String(port), '--hostname', '127.0.0.1'], {
    env: floorEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-5_000)));
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-5_000)));
  const stop = async () => {
    killGroup(child, 'SIGTERM');
    await exited(child);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the framework floor's next start exited (${child.exitCode}):\n${output}`);
    const status = await fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
      async (response) => (await response.body?.cancel(), response.status),
      () => 0,
    );
    if (status === 200) return { url, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the framework floor did not answer 200 within 60 s (last: ${status || 'no answer'}):\n${output}`);
    }
    await sleep(250);
  }
}
