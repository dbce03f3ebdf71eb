export * from './auth';
export * from './chat';
export * from './ids';
export * from './listings';
export * from './locations';
export * from './pagination';
