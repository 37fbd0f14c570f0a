// A Web Push message about a room (a phase ended there) as a notification. The payload comes from the
// server: {title, body, url, tag, room_id, completed_session_type, next_session_type, completed_at}.

export interface PushNotification {
  title: string;
  options: NotificationOptions & { data: { url: string } };
  /** The page it opens (also in `options.data`, where the click finds it). */
  url: string;
}

const fallbackTitle = 'FocusMate';

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** Only a page of this app opens from a notification; anything else opens the home page. */
export function sameOriginUrl(value: unknown, origin: string): string {
  try {
    const url = new URL(text(value) ?? '/', origin);
    return url.origin === origin ? url.href : `${origin}/`;
  } catch {
    return `${origin}/`;
  }
}

/**
 * The notification for a push payload. One for each room (`tag`, else the room's id): a newer phase end
 * replaces the last.
 * A payload that cannot be read still shows a notification (browsers require one for every push).
 */
export function notificationFor(payload: unknown, origin: string): PushNotification {
  const data = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  const tag = text(data.tag) ?? text(data.room_id);
  const url = sameOriginUrl(data.url, origin);
  return {
    url,
    title: text(data.title) ?? fallbackTitle,
    options: {
      body: text(data.body) ?? '',
      ...(tag ? { tag } : {}),
      data: { url },
    },
  };
}

/** The push message's JSON, or undefined when it has none (or it is not JSON). */
export function readPayload(message: { json: () => unknown } | null | undefined): unknown {
  try {
    return message?.json();
  } catch {
    return undefined;
  }
}
