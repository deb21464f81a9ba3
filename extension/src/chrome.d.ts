/**
 * The few WebExtension APIs the extension uses, typed by hand (the promise-returning forms that
 * Chromium and Firefox both offer under `chrome` in Manifest V3), instead of a dependency.
 */
declare namespace chrome {
  namespace runtime {
    type MessageSender = { tab?: tabs.Tab; id?: string; url?: string }
    function sendMessage<T = unknown>(message: unknown): Promise<T>
    const onMessage: {
      addListener(
        listener: (
          message: unknown,
          sender: MessageSender,
          sendResponse: (response: unknown) => void,
        ) => boolean | undefined,
      ): void
    }
    const onStartup: { addListener(listener: () => void): void }
    const onInstalled: { addListener(listener: () => void): void }
    function getManifest(): { version: string; name: string }
  }
  namespace tabs {
    type Tab = { id?: number; url?: string; title?: string; active: boolean }
    function query(query: { active?: boolean; currentWindow?: boolean }): Promise<Tab[]>
    function sendMessage<T = unknown>(tabId: number, message: unknown): Promise<T>
    function create(properties: { url: string }): Promise<Tab>
  }
  namespace storage {
    type Area = {
      get(keys: string | string[]): Promise<Record<string, unknown>>
      set(items: Record<string, unknown>): Promise<void>
    }
    const local: Area
  }
  namespace alarms {
    type Alarm = { name: string }
    function create(name: string, info: { periodInMinutes: number }): Promise<void> | void
    const onAlarm: { addListener(listener: (alarm: Alarm) => void): void }
  }
  namespace action {
    function setBadgeText(details: { text: string }): Promise<void>
  }
}
