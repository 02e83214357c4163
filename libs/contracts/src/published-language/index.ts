export * from './public-event';
export * from './published-language';
export * from './reader';
export * from './personal-data';
