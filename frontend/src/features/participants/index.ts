export { ParticipantList } from './components/participant-list';
export { applyParticipantUpdate, useParticipantsStore } from './stores/participants-store';
