export * from './tag-rule';
export * from './customer-history';
export * from './tag-rule.decider';
export * from './customer-tags.decider';
