// Which rooms this browser asked the server to push (room → push endpoint), kept in localStorage: the
// server tells nobody but the subscriber, and the browser's subscription is shared by every room.
const key = 'focusmate.push';

type Memory = Record<string, string>;

function read(): Memory {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Memory) : {};
  } catch {
    return {};
  }
}

function write(memory: Memory): void {
  try {
    localStorage.setItem(key, JSON.stringify(memory));
  } catch {
    // Private mode: forgotten with the page, as the subscription may be.
  }
}

/** The endpoint this room pushes to, if it was subscribed from this browser. */
export const subscribedEndpoint = (roomId: string): string | undefined => read()[roomId];

export function rememberSubscribed(roomId: string, endpoint: string): void {
  write({ ...read(), [roomId]: endpoint });
}

/** Forgets the room; says whether any other room still pushes to this browser. */
export function forgetSubscribed(roomId: string): boolean {
  const others = Object.fromEntries(Object.entries(read()).filter(([room]) => room !== roomId));
  write(others);
  return Object.keys(others).length > 0;
}
