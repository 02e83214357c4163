// Who may see a case is one rule for every service that shows cases (intake and workflow).
export { STAFF_ROLES, canSee, type Viewer, type VisibleCase } from '@collab/domain-kernel';
