import { User } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { type AuthenticatedUser, authenticatedUser } from './authenticated-user';
import { invalidCredentials, invalidToken, tokenExpired } from './auth-problems';
import { type TokenRequestDto, type TokenResponseDto } from './auth.dto';
import { inadmissibleCharacter } from '../validation/text-characters';
import { verifyPassword } from './passwords';

/**
 * What the token carries; the guard trusts only `sub` and `ver` and reads the rest from the database on each
 * request. `ver` is the account's session version when the token was issued: raising it revokes the token.
 */
export interface AccessTokenClaims {
  readonly sub: string;
  readonly ver: number;
  readonly username: string;
  readonly role: string;
  readonly entidades: readonly string[];
}

interface RegisteredClaims {
  readonly iat?: unknown;
  readonly exp?: unknown;
}

/** Clock skew tolerated between the API instances that issue and check a token. */
const CLOCK_SKEW_SECONDS = 60;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async issueToken(request: TokenRequestDto): Promise<TokenResponseDto> {
    // The board's form reaches here without the API's pipe; PostgreSQL refuses NUL in text: not worth a query.
    if (inadmissibleCharacter(request.username) !== undefined) throw invalidCredentials();
    const user = await this.users().findOneBy({ username: normalizeUsername(request.username) });
    const passwordMatches = await verifyPassword(request.password, user?.passwordHash);
    if (!user || !user.active || !passwordMatches) throw invalidCredentials();
    const claims: AccessTokenClaims = {
      sub: user.id,
      ver: user.sessionVersion,
      username: user.username,
      role: user.role,
      entidades: user.entidades,
    };
    return {
      accessToken: await this.jwt.signAsync({ ...claims }),
      tokenType: 'Bearer',
      expiresIn: this.config.jwtTtlSeconds,
      user: { username: user.username, role: user.role, entidades: user.entidades, nombre: user.nombre },
    };
  }

  /**
   * The account behind a bearer token: signature, expiry, issuer and audience checked, then the account read again,
   * so that deactivating it or changing its states takes effect at once rather than when its tokens expire.
   */
  async authenticate(token: string): Promise<AuthenticatedUser> {
    const claims = await this.verify(token);
    const user = await this.users().findOneBy({ id: claims.sub });
    if (!user || !user.active || user.sessionVersion !== claims.ver) throw invalidToken();
    return authenticatedUser(user);
  }

  /** Every token of the account stops working, on every instance: they all read the version from PostgreSQL. */
  async revokeSessions(userId: string): Promise<void> {
    await this.users().increment({ id: userId }, 'sessionVersion', 1);
  }

  /**
   * Signature, issuer and audience (checked by the JWT module), then what a token must carry here: an expiry no
   * further than JWT_TTL from its issue, and the session version. A token without `exp` would never expire.
   */
  private async verify(token: string): Promise<AccessTokenClaims> {
    let claims: Partial<AccessTokenClaims> & RegisteredClaims;
    try {
      claims = await this.jwt.verifyAsync<Partial<AccessTokenClaims> & RegisteredClaims & object>(token);
    } catch (error) {
      throw error instanceof TokenExpiredError ? tokenExpired() : invalidToken();
    }
    const { iat, exp } = claims;
    if (typeof iat !== 'number' || typeof exp !== 'number') throw invalidToken();
    if (exp - iat > this.config.jwtTtlSeconds || iat > Date.now() / 1_000 + CLOCK_SKEW_SECONDS) throw invalidToken();
    if (typeof claims.sub !== 'string' || !UUID.test(claims.sub) || !Number.isInteger(claims.ver)) throw invalidToken();
    return claims as AccessTokenClaims;
  }

  private users() {
    return this.dataSource.getRepository(User);
  }
}
