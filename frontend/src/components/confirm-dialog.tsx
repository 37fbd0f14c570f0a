import * as AlertDialog from '@radix-ui/react-alert-dialog';

import { cx } from '@/lib/class-names';
import { useT } from '@/lib/i18n/translate';

import { buttonClass } from './button-class';
import dialog from './dialog.module.css';
import { componentMessages } from './messages';

interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: string;
  confirmLabel: string;
  /** "Cancel" unless said. */
  cancelLabel?: string;
  onConfirm: () => void;
  danger?: boolean;
}

/** Asks before something that cannot be taken back; Escape and Cancel leave everything as it was. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const t = useT(componentMessages);
  const { open, onOpenChange, title, description, confirmLabel, cancelLabel, onConfirm, danger } = props;
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={dialog['dialog-overlay']} />
        <AlertDialog.Content className={cx(dialog.dialog, dialog['dialog--small'])}>
          <AlertDialog.Title className={dialog.dialog__title}>{title}</AlertDialog.Title>
          <AlertDialog.Description className={dialog.dialog__description}>
            {description}
          </AlertDialog.Description>
          <div className={dialog.dialog__actions}>
            <AlertDialog.Cancel className={buttonClass('secondary')}>
              {cancelLabel ?? t('dialog.cancel')}
            </AlertDialog.Cancel>
            <AlertDialog.Action className={buttonClass(danger ? 'danger' : 'primary')} onClick={onConfirm}>
              {confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
