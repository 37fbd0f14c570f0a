// The participant list's texts.
import { errorMessages } from '@/lib/error-messages';
import { defineMessages, mergeMessages, type KeyOf } from '@/lib/i18n/translate';

const ownMessages = defineMessages(
  {
    'participants.title': 'In this room',
    'participants.count': { one: '{count} person', other: '{count} people' },
    'participants.host': 'Host',
    'participants.you': 'you',
    'participants.online': 'online',
    'participants.offline': 'offline',
    'participants.myStatus': 'My status',
    'participants.followRoom': 'Follow the room',
    'participants.host.label': 'Make {name} the host',
    'participants.host.title': 'Make {name} the host?',
    'participants.host.body':
      '{name} gets the timer controls and the room settings. You will no longer be the host.',
    'participants.host.confirm': 'Make host',
    'participants.remove.label': 'Remove {name} from the room',
    'participants.remove.title': 'Remove {name}?',
    'participants.remove.body':
      '{name} is disconnected at once and can come back only by joining again as a new participant.',
    'participants.remove.confirm': 'Remove',
    'participants.removeOffline': 'Remove offline ({count})',
    'participants.removeOffline.title': {
      one: 'Remove {count} offline participant?',
      other: 'Remove {count} offline participants?',
    },
    'participants.removeOffline.body':
      'Not connected right now: {names}. They can come back only by joining again as new participants.',
    'participants.removeOffline.confirm': 'Remove',
    'participants.removeOffline.done': {
      one: 'Removed {count} offline participant.',
      other: 'Removed {count} offline participants.',
    },
    'participants.removeOffline.none': 'Nobody was offline any more.',
    'participants.error.presenceUnknown':
      'Who is online cannot be told right now, so nobody was removed. Please try again in a moment.',
    'participants.error.notHost': 'Only the host can do that.',
    'participants.error.gone': '{name} is no longer in the room.',
    'participants.error.status': 'Your status could not be changed. Please try again.',
    'presence.focusing': 'Focusing',
    'presence.break': 'On a break',
    'presence.away': 'Away',
    'presence.offline': 'Offline',
    'presence.count.focusing': '{count} focusing',
    'presence.count.break': '{count} on a break',
    'presence.count.away': '{count} away',
    'presence.count.offline': '{count} offline',
    'presence.separator': ', ',
  },
  {
    'participants.title': '참여자',
    'participants.count': '{count}명',
    'participants.host': '방장',
    'participants.you': '나',
    'participants.online': '온라인',
    'participants.offline': '오프라인',
    'participants.myStatus': '내 상태',
    'participants.followRoom': '방 흐름 따르기',
    'participants.host.label': '{name} 님을 방장으로 지정',
    'participants.host.title': '{name} 님을 방장으로 지정할까요?',
    'participants.host.body': '{name} 님이 타이머 조작과 방 설정 권한을 갖고, 나는 더 이상 방장이 아닙니다.',
    'participants.host.confirm': '방장 지정',
    'participants.remove.label': '{name} 님을 방에서 내보내기',
    'participants.remove.title': '{name} 님을 내보낼까요?',
    'participants.remove.body':
      '{name} 님의 연결이 바로 끊기며, 새 참여자로 다시 참여해야만 돌아올 수 있습니다.',
    'participants.remove.confirm': '내보내기',
    'participants.removeOffline': '오프라인 내보내기 ({count})',
    'participants.removeOffline.title': '오프라인 참여자 {count}명을 내보낼까요?',
    'participants.removeOffline.body':
      '지금 연결되어 있지 않은 참여자: {names}. 새 참여자로 다시 참여해야만 돌아올 수 있습니다.',
    'participants.removeOffline.confirm': '내보내기',
    'participants.removeOffline.done': '오프라인 참여자 {count}명을 내보냈습니다.',
    'participants.removeOffline.none': '내보낼 오프라인 참여자가 없었습니다.',
    'participants.error.presenceUnknown':
      '지금은 누가 온라인인지 알 수 없어 아무도 내보내지 않았습니다. 잠시 후 다시 시도해 주세요.',
    'participants.error.notHost': '방장만 할 수 있습니다.',
    'participants.error.gone': '{name} 님은 이미 방에 없습니다.',
    'participants.error.status': '상태를 바꾸지 못했습니다. 다시 시도해 주세요.',
    'presence.focusing': '집중 중',
    'presence.break': '휴식 중',
    'presence.away': '자리 비움',
    'presence.offline': '오프라인',
    'presence.count.focusing': '집중 중 {count}명',
    'presence.count.break': '휴식 중 {count}명',
    'presence.count.away': '자리 비움 {count}명',
    'presence.count.offline': '오프라인 {count}명',
    'presence.separator': ', ',
  },
);

export const participantsMessages = mergeMessages(errorMessages, ownMessages);

export type ParticipantsMessageKey = KeyOf<typeof participantsMessages>;
