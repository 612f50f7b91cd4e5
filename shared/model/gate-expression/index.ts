export * from './parse';
export * from './evaluate';
