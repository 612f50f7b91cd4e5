export { PromoteButton, RollbackButton } from './PromotionActions';
export { ReconcileNotices } from './ReconcileNotices';
