/**
 * A throw-away PostgreSQL server for the tests and the process checks: Debian's postgresql binaries,
 * initdb into a fresh directory, listening on a free loopback port, stopped and removed by stop().
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user the package creates.
 */
import { execFileSync } from 'node:child_process'
import { chownSync, mkdtempSync, rmSync, chmodSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'

export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin'

export interface PostgresServer { url: string, stop: () => void }

async function freePort (): Promise<number> {
  return await new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}

export async function startPostgres (): Promise<PostgresServer> {
  const dir = mkdtempSync(join(tmpdir(), 'records-pg-'))
  chmodSync(dir, 0o700)
  // The branches for a non-root user run on developers' machines, not here (CI runs as root).
  /* c8 ignore start */
  const asRoot = userInfo().uid === 0
  const user = asRoot ? 'postgres' : userInfo().username
  if (asRoot) {
    const ids = execFileSync('id', ['-u', 'postgres']).toString().trim() + ':' + execFileSync('id', ['-g', 'postgres']).toString().trim()
    const [uid, gid] = ids.split(':').map(Number)
    chownSync(dir, uid, gid)
  }
  const run = (bin: string, args: string[]) => execFileSync(asRoot ? 'runuser' : join(PG_BIN, bin), asRoot ? ['-u', 'postgres', '--', join(PG_BIN, bin), ...args] : args, { stdio: 'pipe' })
  /* c8 ignore stop */
  const data = join(dir, 'data')
  run('initdb', ['-D', data, '-U', user, '-A', 'trust', '--no-sync', '-E', 'UTF8'])
  const port = await freePort()
  run('pg_ctl', ['-D', data, '-w', '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} -h 127.0.0.1 -F`, 'start'])
  return {
    url: `postgres://${user}@127.0.0.1:${port}/postgres`,
    stop: () => {
      run('pg_ctl', ['-D', data, '-w', '-m', 'immediate', 'stop'])
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
