import { type JwtModuleOptions } from '@nestjs/jwt';
import { type ApiConfig } from '../config/api-config';

export const ACCESS_TOKEN_ISSUER = 'cocreacion-local';
export const ACCESS_TOKEN_AUDIENCE = 'cocreacion-api';

/** HS256 only (no `none`, no algorithm switching), with issuer and audience checked on every request. */
export function accessTokenOptions(config: Pick<ApiConfig, 'jwtSecret' | 'jwtTtlSeconds'>): JwtModuleOptions {
  return {
    secret: config.jwtSecret,
    signOptions: {
      algorithm: 'HS256',
      expiresIn: config.jwtTtlSeconds,
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
    },
    verifyOptions: { algorithms: ['HS256'], issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE },
  };
}
