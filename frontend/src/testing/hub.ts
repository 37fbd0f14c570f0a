import type { invokeRoomHub } from '@/lib/hub';

/**
 * A stand-in for `invokeRoomHub` that answers by method name, for tests that mock the hub: the real one's
 * types follow the contract method by method, which a test's loose stand-in need not.
 */
export function fakeInvoke(
  answer: (method: string, ...args: unknown[]) => Promise<unknown>,
): typeof invokeRoomHub {
  return answer as unknown as typeof invokeRoomHub;
}
