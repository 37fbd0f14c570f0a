const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The room id in a pasted share link (any host) or a bare id; undefined when there is none. */
export function roomIdFromInput(input: string): string | undefined {
  const trimmed = input.trim();
  const fromPath = /\/room\/([^/?#\s]+)/i.exec(trimmed)?.[1];
  const candidate = uuid.exec(fromPath ?? trimmed)?.[0];
  return candidate?.toLowerCase();
}

export const roomPath = (roomId: string) => `/room/${roomId}`;

/** The room's statistics and history page. */
export const roomStatsPath = (roomId: string) => `${roomPath(roomId)}/stats`;
