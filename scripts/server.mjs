// The web server `npm start` runs: Next.js behind a few lines that decide the client's address.
// `next start` cannot: it keeps an X-Forwarded-For the client sent and drops the socket's address,
// and Next 16 gives route handlers and server actions no access to the socket. So every request gets
// CLIENT_ADDRESS_HEADER overwritten here (a value sent by the client never survives), from the socket
// and, only when the socket's peer is listed in TRUSTED_PROXIES, from X-Forwarded-For.
// Usage: node scripts/server.mjs [--dev] [-p PORT]
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLIENT_ADDRESS_HEADER, parseTrustedProxies, resolveClientAddress } from '../src/lib/net/resolve-client-address.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dev = args.includes('--dev');
const portArg = args.indexOf('-p');
const port = Number(portArg >= 0 ? args[portArg + 1] : (process.env.PORT ?? 3000));
const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);

// As `next start` / `next dev` do; set before Next loads, which reads it at import.
process.env.NODE_ENV = dev ? 'development' : 'production';
const { default: next } = await import('next');
const app = next({ dev, dir: root, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  const address = resolveClientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trusted);
  if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
  else delete req.headers[CLIENT_ADDRESS_HEADER];
  handle(req, res);
});
if (dev) server.on('upgrade', app.getUpgradeHandler()); // hot reloading's websocket
// Longer than a typical reverse proxy's idle timeout, as `next start` does, so kept-alive
// connections are not cut under the proxy's feet.
server.keepAliveTimeout = 65_000;
server.listen(port, () => console.log(`> Ready on http://localhost:${port}${dev ? ' (development)' : ''}`));

const stop = () => server.close(() => app.close().finally(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
