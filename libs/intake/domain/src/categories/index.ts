export * from './category.events';
export * from './category.decider';
export * from './default-categories';
export * from './category-standing';
