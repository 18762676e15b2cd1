import { EventEmitter } from 'node:events'
import type { HandlerDetails, WebContents, WindowOpenHandlerResponse } from 'electron'

/** Just enough of a WebContents to drive the guards: events plus the window-open handler. */
export class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null
  readonly mainFrame: FakeFrame

  constructor(url = 'file:///app/out/renderer/index.html') {
    super()
    this.mainFrame = new FakeFrame(url, null)
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse) {
    this.windowOpenHandler = handler
  }

  asWebContents(): WebContents {
    return this as unknown as WebContents
  }

  /** Emits an event the way Electron does, returning whether a listener prevented it. */
  fire(name: string, extra: Record<string, unknown> = {}, ...args: unknown[]): boolean {
    let prevented = false
    const event = { ...extra, preventDefault: () => (prevented = true) }
    this.emit(name, event, ...args)
    return prevented
  }
}

let nextRoutingId = 1

export class FakeFrame {
  readonly processId = 4
  readonly routingId = nextRoutingId++
  constructor(
    public url: string,
    public parent: FakeFrame | null,
  ) {}
}

export function openDetails(url: string): HandlerDetails {
  return {
    url,
    frameName: '',
    features: '',
    disposition: 'foreground-tab',
    referrer: { url: '', policy: 'no-referrer' },
  }
}
