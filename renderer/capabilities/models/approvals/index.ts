export { ApprovalsPanel, ApprovalsView } from './ApprovalsPanel';
