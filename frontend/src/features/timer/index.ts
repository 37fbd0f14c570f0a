export { AlertToggles } from './components/alert-toggles';
export { PhaseChip } from './components/phase-chip';
export { PhaseEndBanner } from './components/phase-end-banner';
export { TimerPanel } from './components/timer-panel';
export { announceLivePhaseEnd, announceMissedPhaseEnd, announcePhaseEnd } from './lib/announce-phase-end';
export { contradictsEstimate, measureServerClock } from './lib/server-clock';
export { serverNow, useTimerStore } from './stores/timer-store';
