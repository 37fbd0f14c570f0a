import * as AlertDialog from '@radix-ui/react-alert-dialog';

import { useT } from '@/lib/i18n/translate';

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
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog dialog--small">
          <AlertDialog.Title className="dialog__title">{title}</AlertDialog.Title>
          <AlertDialog.Description className="dialog__description">{description}</AlertDialog.Description>
          <div className="dialog__actions">
            <AlertDialog.Cancel className="button button--secondary">
              {cancelLabel ?? t('dialog.cancel')}
            </AlertDialog.Cancel>
            <AlertDialog.Action
              className={`button ${danger ? 'button--danger' : 'button--primary'}`}
              onClick={onConfirm}
            >
              {confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
