import { CHANNEL_NAMES } from '../../shared/ipc-contract'

export const BRIDGE_PATH = '/preview-bridge.js'

/**
 * The browser's `window.api`: the same functions the preload exposes, built from the same
 * channel list, each POSTing its input to `/ipc/<channel>` and resolving with the envelope.
 * Failures of the bridge itself become envelopes too, so the renderer handles one shape.
 */
export function bridgeScript(channels: readonly string[] = CHANNEL_NAMES): string {
  return `'use strict';
(() => {
  const channels = ${JSON.stringify(channels)};
  const failure = (code, message) => ({ ok: false, error: { code, message } });
  const call = (channel) => async (input) => {
    let res;
    try {
      res = await fetch('/ipc/' + channel, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: input === undefined ? undefined : JSON.stringify(input),
      });
    } catch (err) {
      return failure('INTERNAL', 'The preview server could not be reached.');
    }
    if (res.status === 200) return res.json();
    if (res.status === 403) return failure('FORBIDDEN', 'The preview server refused this page.');
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

/** The renderer page with the bridge loaded ahead of the app's own scripts. */
export function injectBridge(indexHtml: string): string {
  const tag = `<script src=".${BRIDGE_PATH}"></script>`
  const firstScript = indexHtml.search(/<script\b/i)
  if (firstScript >= 0) return indexHtml.slice(0, firstScript) + tag + indexHtml.slice(firstScript)
  const headEnd = indexHtml.search(/<\/head>/i)
  if (headEnd >= 0) return indexHtml.slice(0, headEnd) + tag + indexHtml.slice(headEnd)
  return tag + indexHtml
}
