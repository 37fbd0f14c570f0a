import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';

import { BusyNote } from '@/components/busy-note';
import { ChatPanel } from '@/features/chat/components/chat-panel';
import { ParticipantList } from '@/features/participants/components/participant-list';
import { useParticipantsStore } from '@/features/participants/stores/participants-store';
import { PushSwitch } from '@/features/push/components/push-switch';
import { ConnectionIndicator } from '@/features/room/components/connection-indicator';
import { CopyLinkButton } from '@/features/room/components/copy-link-button';
import { JoinRoomPrompt } from '@/features/room/components/join-room-prompt';
import { LeaveRoomButton } from '@/features/room/components/leave-room-button';
import { RecentChangesDialog } from '@/features/room/components/recent-changes-dialog';
import { RoomRhythm } from '@/features/room/components/room-rhythm';
import { SettingsDialog } from '@/features/room/components/settings-dialog';
import { StatsLink } from '@/features/room/components/stats-link';
import { saveCredentials, type Credentials } from '@/features/room/lib/credentials';
import { useRoomStore } from '@/features/room/stores/room-store';
import { AlertToggles } from '@/features/timer/components/alert-toggles';
import { PhaseChip } from '@/features/timer/components/phase-chip';
import { PhaseEndBanner } from '@/features/timer/components/phase-end-banner';
import { TimerPanel, type ControlBlock } from '@/features/timer/components/timer-panel';
import { serverNow, useTimerStore } from '@/features/timer/stores/timer-store';
import { useT } from '@/lib/i18n/translate';
import type { Room } from '@/types/api';

import { appMessages } from '../messages';
import { RoomSession } from '../room-session';
import { RoomOutcomePage } from './room-outcome';
import styles from './room.module.css';

export function Component() {
  const { roomId = '' } = useParams();
  return <RoomPage key={roomId} roomId={roomId} />;
}

function RoomPage({ roomId }: { roomId: string }) {
  const t = useT(appMessages);
  const [session] = useState(() => new RoomSession(roomId));
  const room = useRoomStore((s) => s.room);
  const credentials = useRoomStore((s) => s.credentials);
  const outcome = useRoomStore((s) => s.outcome);
  const busyUntil = useRoomStore((s) => s.busyUntil);

  useEffect(() => {
    session.open();
    return () => session.close();
  }, [session]);

  if (outcome) return <RoomOutcomePage outcome={outcome} session={session} />;
  if (!room) {
    return (
      <div className={styles.loading}>
        <p role="status">{t('room.loading')}</p>
        {busyUntil !== undefined && <BusyNote retryAt={busyUntil} className={styles.loading__busy} />}
      </div>
    );
  }
  if (!credentials) {
    return (
      <JoinRoomPrompt
        roomId={roomId}
        roomName={room.room_name}
        onJoined={(participant) => {
          saveCredentials(roomId, participant);
          session.joined(participant);
        }}
        onRefused={(error) => session.joinRefused(error)}
      />
    );
  }
  return <RoomView room={room} credentials={credentials} session={session} />;
}

interface RoomViewProps {
  room: Room;
  credentials: Credentials;
  session: RoomSession;
}

export function RoomView({ room, credentials, session }: RoomViewProps) {
  const t = useT(appMessages);
  const navigate = useNavigate();
  const connection = useRoomStore((s) => s.connection);
  const busyUntil = useRoomStore((s) => s.busyUntil);
  const timer = useTimerStore((s) => s.timer);
  // Whether I am the host follows participant_update (host_changed) live, and so do my controls.
  const isHost = useParticipantsStore(
    (s) => s.participants.find((p) => p.participant_id === credentials.participant_id)?.is_host ?? false,
  );

  let blocked: ControlBlock | undefined;
  if (connection !== 'connected') blocked = 'not-connected';
  else if (!room.allow_all_control && !isHost) blocked = 'only-host';

  return (
    <div className={styles.room}>
      <div className={styles.room__bar}>
        <div className={styles.room__heading}>
          <div className={styles['room__title-row']}>
            <h1 className={styles.room__name}>{room.room_name}</h1>
            <ConnectionIndicator />
          </div>
          <RoomRhythm room={room} />
        </div>
        <div className={styles.room__actions} role="toolbar" aria-label={t('room.controls')}>
          <CopyLinkButton roomId={room.room_id} />
          <StatsLink roomId={room.room_id} />
          {isHost ? (
            <SettingsDialog room={room} token={credentials.token} now={serverNow} />
          ) : (
            <RecentChangesDialog roomId={room.room_id} token={credentials.token} now={serverNow} />
          )}
          <AlertToggles more={<PushSwitch roomId={room.room_id} token={credentials.token} />} />
          <LeaveRoomButton onLeave={() => void session.leave().then(() => navigate('/'))} />
        </div>
      </div>
      {busyUntil !== undefined && <BusyNote retryAt={busyUntil} className={styles.room__busy} />}
      <PhaseEndBanner />
      <div className={styles.room__grid}>
        {/* Chat before the participants: on a phone its header (and unread count) stays near the top. */}
        <TimerPanel
          className={styles.room__timer}
          longBreakInterval={room.long_break_interval}
          blocked={blocked}
        />
        <ChatPanel
          className={styles.room__chat}
          myParticipantId={credentials.participant_id}
          connected={connection === 'connected'}
          phase={<PhaseChip />}
        />
        <ParticipantList
          className={styles.room__people}
          roomId={room.room_id}
          myParticipantId={credentials.participant_id}
          token={credentials.token}
          phase={timer}
        />
      </div>
    </div>
  );
}
