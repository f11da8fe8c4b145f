export * from './binaries';
export * from './child-process';
export * from './embedded-postgres';
export * from './free-port';
export * from './mail-catcher';
export * from './system';
export * from './temporal-dev-server';
