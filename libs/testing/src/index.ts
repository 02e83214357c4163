export * from './eventually';
export * from './fresh-database';
export * from './free-port';
export * from './service-process';
export * from './movable-clock';
export * from './published-form';
