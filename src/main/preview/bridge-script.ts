import { CHANNEL_NAMES } from '../../shared/ipc-contract'
import { PREVIEW_TOKEN_HEADER, PREVIEW_TOKEN_META } from './preview-token'

export const BRIDGE_PATH = '/preview-bridge.js'

/**
 * The browser's `window.api`: the same functions the preload exposes, built from the same
 * channel list, each POSTing its input to `/ipc/<channel>` and resolving with the envelope.
 * Failures of the bridge itself become envelopes too, so the renderer handles one shape.
 * The script itself holds no secret (anyone may load it); it reads the run's token from the page,
 * which is served only to whoever opened the printed address, and sends it with every call.
 */
export function bridgeScript(channels: readonly string[] = CHANNEL_NAMES): string {
  return `'use strict';
(() => {
  const channels = ${JSON.stringify(channels)};
  const tokenTag = document.querySelector('meta[name="${PREVIEW_TOKEN_META}"]');
  const token = (tokenTag && tokenTag.getAttribute('content')) || '';
  const failure = (code, message) => ({ ok: false, error: { code, message } });
  const call = (channel) => async (input) => {
    let res;
    try {
      res = await fetch('/ipc/' + channel, {
        method: 'POST',
        headers: { 'content-type': 'application/json', '${PREVIEW_TOKEN_HEADER}': token },
        body: input === undefined ? undefined : JSON.stringify(input),
      });
    } catch (err) {
      return failure('INTERNAL', 'The preview server could not be reached.');
    }
    if (res.status === 200) return res.json();
    if (res.status === 403)
      return failure('FORBIDDEN', 'The preview refused this page: open the address it printed, which carries its token.');
    if (res.status === 404) return failure('NOT_FOUND', 'Unknown channel ' + channel);
    if (res.status === 413) return failure('VALIDATION', 'The request is too large.');
    return failure('INTERNAL', 'The preview server answered HTTP ' + res.status);
  };
  const api = {};
  for (const channel of channels) api[channel] = call(channel);
  Object.defineProperty(window, 'api', { value: Object.freeze(api), enumerable: true });
})();
`
}

/**
 * The renderer page with the run's token and the bridge loaded ahead of the app's own scripts.
 * The token has a URL-safe shape (`checkedToken`), so it needs no escaping in the attribute.
 */
export function injectBridge(indexHtml: string, token: string): string {
  const tag = `<meta name="${PREVIEW_TOKEN_META}" content="${token}"><script src=".${BRIDGE_PATH}"></script>`
  const firstScript = indexHtml.search(/<script\b/i)
  if (firstScript >= 0) return indexHtml.slice(0, firstScript) + tag + indexHtml.slice(firstScript)
  const headEnd = indexHtml.search(/<\/head>/i)
  if (headEnd >= 0) return indexHtml.slice(0, headEnd) + tag + indexHtml.slice(headEnd)
  return tag + indexHtml
}
