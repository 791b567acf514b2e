// Per-build resources, made on first use and closed once at the end: the
// sinks share a browser or a set of loaded styles without the build knowing
// what they are.
export interface Resources {
  get<T>(key: string, make: () => T): T;
  close(): Promise<void>;
}

export function createResources(): Resources {
  const made = new Map<string, unknown>();
  return {
    get<T>(key: string, make: () => T): T {
      if (!made.has(key)) made.set(key, make());
      return made.get(key) as T;
    },
    async close() {
      const closing = [...made.values()].map(async (value) => {
        // A resource that failed to start has nothing to close.
        const resolved = await Promise.resolve(value).catch(() => undefined);
        if (typeof (resolved as { close?: unknown })?.close === 'function') await (resolved as { close(): Promise<void> }).close();
      });
      made.clear();
      await Promise.all(closing);
    },
  };
}
