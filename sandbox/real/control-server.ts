/**
 * The simulator's control API over HTTP (for tests in another process than the simulator):
 * the sandbox's `POST /sandbox/control/<verb>` verbs, plus `POST /sandbox/control/synced` (answers
 * once every simulated change is on the real server) and `GET /sandbox/stats`
 * (`{"kubeletRequests","errors"}`).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendError, sendJson } from '../api/http-util';
import { serveControl } from '../control';
import type { Simulator } from './simulate';

export async function startControlServer(
  sim: Simulator,
): Promise<{ url: string; stop(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    try {
      if (url.pathname === '/sandbox/stats')
        return sendJson(res, 200, { kubeletRequests: sim.kubeletRequests(), errors: sim.errors });
      if (url.pathname === '/sandbox/control/synced') {
        void sim.synced().then(() => sendJson(res, 200, { ok: true, errors: sim.errors }));
        return;
      }
      if (url.pathname.startsWith('/sandbox/control/'))
        return serveControl(
          req,
          res,
          sim.control,
          url.pathname.slice('/sandbox/control/'.length),
          url.searchParams,
        );
      sendJson(res, 404, { error: 'not found' });
    } catch (err) {
      sendError(res, err);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
