// Texts of the shared components (a busy server's note, the confirmation dialog).
import { defineMessages } from '@/lib/i18n/translate';

export const componentMessages = defineMessages(
  {
    'busy.retryIn': 'Lots going on — trying again in {seconds} s…',
    'busy.retrying': 'Lots going on — trying again…',
    'dialog.cancel': 'Cancel',
  },
  {
    'busy.retryIn': '요청이 몰리고 있어요. {seconds}초 뒤에 다시 시도합니다…',
    'busy.retrying': '요청이 몰리고 있어요. 다시 시도하는 중…',
    'dialog.cancel': '취소',
  },
);
