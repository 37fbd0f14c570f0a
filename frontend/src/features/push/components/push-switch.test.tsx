import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { ApiError } from '@/lib/api-client';
import { useLanguageStore } from '@/lib/i18n/language';

import { PushSwitch } from './push-switch';
import { getPushKey, subscribeToRoom, unsubscribeFromRoom } from '../api/push';

vi.mock('../api/push', () => ({
  getPushKey: vi.fn(),
  subscribeToRoom: vi.fn(),
  unsubscribeFromRoom: vi.fn(),
}));

// The server's key: 65 bytes (an uncompressed P-256 point), base64url.
const serverKey = `BA${'A'.repeat(85)}`;
const endpoint = 'https://fcm.googleapis.com/fcm/send/abc';

/** A browser with service workers, Push and notifications; `permission` is what the question answers. */
function browser(permission: NotificationPermission, initial: NotificationPermission = 'default') {
  let subscription: PushSubscription | null = null;
  const unsubscribe = vi.fn(() => {
    subscription = null;
    return Promise.resolve(true);
  });
  const subscribe = vi.fn((options: PushSubscriptionOptionsInit) => {
    subscription = {
      endpoint,
      options: { applicationServerKey: (options.applicationServerKey as Uint8Array).buffer },
      toJSON: () => ({ endpoint, expirationTime: null, keys: { p256dh: 'p256', auth: 'auth' } }),
      unsubscribe,
    } as unknown as PushSubscription;
    return Promise.resolve(subscription);
  });
  const pushManager = { subscribe, getSubscription: () => Promise.resolve(subscription) };
  const registration = { pushManager } as unknown as ServiceWorkerRegistration;
  const requestPermission = vi.fn(() => Promise.resolve(permission));
  vi.stubGlobal('isSecureContext', true);
  vi.stubGlobal('PushManager', class {});
  vi.stubGlobal('Notification', { permission: initial, requestPermission });
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true,
    value: { ready: Promise.resolve(registration), getRegistration: () => Promise.resolve(registration) },
  });
  return { subscribe, unsubscribe, requestPermission };
}

const renderSwitch = () => render(<PushSwitch roomId="room-1" token="tok" />);
const control = () => screen.getByRole('switch', { name: 'Notify me when the tab is closed' });

describe('Notify me when the tab is closed', () => {
  beforeEach(() => {
    vi.mocked(getPushKey).mockResolvedValue(serverKey);
    vi.mocked(subscribeToRoom).mockResolvedValue({ endpoint, language: 'en', created_at: '' });
    vi.mocked(unsubscribeFromRoom).mockResolvedValue(undefined);
  });
  afterEach(() => {
    vi.clearAllMocks();
    vi.unstubAllGlobals();
    Reflect.deleteProperty(navigator, 'serviceWorker');
    useLanguageStore.getState().setLanguage('en');
  });

  it('asks the permission on the click, subscribes with the server’s key and sends the subscription', async () => {
    const { subscribe, requestPermission } = browser('granted');
    renderSwitch();
    await waitFor(() => expect(control()).toBeEnabled());
    expect(control()).not.toBeChecked();
    expect(requestPermission).not.toHaveBeenCalled();
    await userEvent.click(control());
    await waitFor(() => expect(control()).toBeChecked());
    expect(requestPermission).toHaveBeenCalledTimes(1);
    const options = subscribe.mock.calls[0]?.[0];
    expect(options?.userVisibleOnly).toBe(true);
    expect(options?.applicationServerKey).toHaveLength(65);
    expect(subscribeToRoom).toHaveBeenCalledWith('room-1', 'tok', {
      endpoint,
      expirationTime: null,
      keys: { p256dh: 'p256', auth: 'auth' },
      language: 'en',
    });
    expect(screen.getByRole('status')).toHaveTextContent('On: this device is notified');
  });

  it('is on after a reload when this browser is still subscribed, and turns off (DELETE, then the browser’s)', async () => {
    const { unsubscribe } = browser('granted');
    const { unmount } = renderSwitch();
    await waitFor(() => expect(control()).toBeEnabled());
    await userEvent.click(control());
    await waitFor(() => expect(control()).toBeChecked());
    unmount();

    renderSwitch();
    await waitFor(() => expect(control()).toBeChecked());
    await userEvent.click(control());
    await waitFor(() => expect(control()).not.toBeChecked());
    expect(unsubscribeFromRoom).toHaveBeenCalledWith('room-1', 'tok', { endpoint });
    expect(unsubscribe).toHaveBeenCalled();
  });

  it('explains a refusal: blocked notifications, and how to allow them', async () => {
    browser('denied');
    renderSwitch();
    await waitFor(() => expect(control()).toBeEnabled());
    await userEvent.click(control());
    expect(await screen.findByRole('alert')).toHaveTextContent('Notifications are blocked for this site');
    expect(control()).not.toBeChecked();
    expect(subscribeToRoom).not.toHaveBeenCalled();
  });

  it('says so up front when notifications are already blocked', async () => {
    browser('denied', 'denied');
    renderSwitch();
    expect(await screen.findByRole('alert')).toHaveTextContent('Allow them in the browser’s site settings');
  });

  it('explains a question closed without an answer', async () => {
    browser('default');
    renderSwitch();
    await waitFor(() => expect(control()).toBeEnabled());
    await userEvent.click(control());
    expect(await screen.findByRole('alert')).toHaveTextContent('closed without an answer');
  });

  it('explains a browser without Web Push, with the switch disabled', async () => {
    browser('granted');
    vi.stubGlobal('PushManager', undefined);
    Reflect.deleteProperty(globalThis, 'PushManager');
    renderSwitch();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This browser cannot notify you with the tab closed',
    );
    expect(control()).toBeDisabled();
  });

  it('explains a push service the server does not post to (422)', async () => {
    browser('granted');
    vi.mocked(subscribeToRoom).mockRejectedValue(new ApiError('VALIDATION_ERROR', 'Not allowed.', 422));
    renderSwitch();
    await waitFor(() => expect(control()).toBeEnabled());
    await userEvent.click(control());
    expect(await screen.findByRole('alert')).toHaveTextContent('does not send notifications to this browser');
    expect(control()).not.toBeChecked();
  });

  it('speaks Korean and subscribes in Korean', async () => {
    useLanguageStore.getState().setLanguage('ko');
    browser('granted');
    renderSwitch();
    const korean = () => screen.getByRole('switch', { name: '탭을 닫아도 알림 받기' });
    await waitFor(() => expect(korean()).toBeEnabled());
    await userEvent.click(korean());
    await waitFor(() => expect(korean()).toBeChecked());
    expect(vi.mocked(subscribeToRoom).mock.calls[0]?.[2].language).toBe('ko');
  });
});
