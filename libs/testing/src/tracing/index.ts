export * from './recorded-span';
export * from './span-recorder';
export * from './otlp-receiver';
