export * from './binaries';
export * from './child-process';
export * from './embedded-postgres';
export * from './free-port';
export * from './system';
export * from './temporal-dev-server';
