/** Editors write articles and keep the map; reviewers approve or reject what editors submit. */
export const EDITOR = 'editor';
export const REVIEWER = 'reviewer';

/** Editors and reviewers see drafts and every version; everyone else sees what is published for their audience. */
export const seesDrafts = (roles: readonly string[]): boolean => roles.includes(EDITOR) || roles.includes(REVIEWER);
