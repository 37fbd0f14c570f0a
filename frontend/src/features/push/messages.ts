// The texts of notifications with the tab closed (Web Push).
import { errorMessages } from '@/lib/error-messages';
import { defineMessages, mergeMessages, type KeyOf } from '@/lib/i18n/translate';

const ownMessages = defineMessages(
  {
    'push.label': 'Notify me when the tab is closed',
    'push.hint':
      'This room’s phase ends reach this device as notifications, even with the tab or the browser closed.',
    'push.checking': 'Checking this browser…',
    'push.working.on': 'Turning on…',
    'push.working.off': 'Turning off…',
    'push.on': 'On: this device is notified when a phase of this room ends.',
    'push.off': 'Off.',
    'push.unsupported':
      'This browser cannot notify you with the tab closed: it needs service workers and Web Push. On an iPhone or iPad, add FocusMate to the Home Screen first and open it from there.',
    'push.denied':
      'Notifications are blocked for this site. Allow them in the browser’s site settings (the icon beside the address), then turn this on again.',
    'push.dismissed':
      'The browser’s question was closed without an answer. Turn this on again to be asked once more.',
    'push.noWorker':
      'The app’s service worker is not running here, so notifications cannot reach this device. Reload the page and try again.',
    'push.pushService': 'The browser could not reach its push service. Check the connection and try again.',
    'push.endpointRefused': 'This server does not send notifications to this browser’s push service.',
    'push.failed': 'That did not work. Please try again.',
  },
  {
    'push.label': '탭을 닫아도 알림 받기',
    'push.hint': '이 방의 단계가 끝나면 탭이나 브라우저를 닫아도 이 기기로 알림이 옵니다.',
    'push.checking': '이 브라우저를 확인하는 중…',
    'push.working.on': '켜는 중…',
    'push.working.off': '끄는 중…',
    'push.on': '켜짐: 이 방의 단계가 끝나면 이 기기로 알림이 옵니다.',
    'push.off': '꺼짐.',
    'push.unsupported':
      '이 브라우저는 탭을 닫은 뒤에는 알림을 보낼 수 없습니다(서비스 워커와 웹 푸시가 필요합니다). iPhone이나 iPad에서는 먼저 FocusMate를 홈 화면에 추가하고 거기서 여세요.',
    'push.denied':
      '이 사이트의 알림이 차단되어 있습니다. 브라우저의 사이트 설정(주소 옆 아이콘)에서 알림을 허용한 뒤 다시 켜세요.',
    'push.dismissed': '브라우저의 질문이 답 없이 닫혔습니다. 다시 켜면 한 번 더 묻습니다.',
    'push.noWorker':
      '앱의 서비스 워커가 실행되고 있지 않아 이 기기로 알림을 보낼 수 없습니다. 페이지를 새로 고친 뒤 다시 시도하세요.',
    'push.pushService': '브라우저가 푸시 서비스에 연결하지 못했습니다. 연결을 확인하고 다시 시도하세요.',
    'push.endpointRefused': '이 서버는 이 브라우저의 푸시 서비스로 알림을 보내지 않습니다.',
    'push.failed': '처리하지 못했습니다. 다시 시도해 주세요.',
  },
);

export const pushMessages = mergeMessages(errorMessages, ownMessages);

export type PushMessageKey = KeyOf<typeof pushMessages>;
