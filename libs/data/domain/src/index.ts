export * from './cube/fact-kinds';
export * from './cube/dimensions';
export * from './cube/measures';
export * from './cube/cube-query';
export * from './dependency-map/bottlenecks';
export * from './tags';
