export { GateChecklist } from './GateChecklist';
export { GatesPanel } from './GatesPanel';
