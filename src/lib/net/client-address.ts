import { isIP } from 'node:net';
import { CLIENT_ADDRESS_HEADER } from './resolve-client-address.mjs';

/**
 * The client address scripts/server.mjs resolved for this request (TRUSTED_PROXIES decides whether
 * X-Forwarded-For counts). Never read X-Forwarded-For here: anyone can send it.
 */
export function clientAddress(headers: Headers): string | null {
  const value = headers.get(CLIENT_ADDRESS_HEADER);
  return value && isIP(value) ? value : null;
}
