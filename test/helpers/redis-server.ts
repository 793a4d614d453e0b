/**
 * A real Redis server for a test: Debian's redis-server on a free loopback port, with a temporary
 * directory and no persistence, stopped when the test ends. `.ci/run` installs it where it is missing.
 */
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { once } from 'node:events'
import type { Test } from 'tap'

export const freePort = async (): Promise<number> => {
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  server.close()
  return port
}

export async function startRedis (t: Test, port?: number): Promise<string> {
  port ??= await freePort()
  const dir = t.testdir({})
  const child = spawn('/usr/bin/redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] })
  t.teardown(async () => {
    child.kill('SIGTERM')
    if (child.exitCode === null) await once(child, 'exit')
  })
  let out = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 10000)
    child.stdout.on('data', (d) => {
      out += d
      if (/Ready to accept connections/.test(out)) { clearTimeout(timer); resolve() }
    })
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`redis-server exited ${code}: ${out}`)) })
  })
  return `redis://127.0.0.1:${port}`
}
