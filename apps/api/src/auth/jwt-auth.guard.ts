import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Response } from 'express';
import { ApiProblem } from '../errors/api-problem';
import { type AuthenticatedRequest } from './authenticated-user';
import { unauthenticated } from './auth-problems';
import { AuthService } from './auth.service';
import { IS_PUBLIC } from './public.decorator';

const BEARER = /^Bearer +([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*)$/;

/** Global: every route needs a valid bearer token unless it (or its controller) is marked @Public(). */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    try {
      if (!header) throw unauthenticated();
      const token = BEARER.exec(header.trim())?.[1];
      if (!token) throw unauthenticated('El encabezado Authorization debe tener la forma "Bearer <token>".');
      request.user = await this.auth.authenticate(token);
      return true;
    } catch (error) {
      // RFC 6750: tell the client which scheme to use (and, when a token was sent, that it was refused).
      if (error instanceof ApiProblem && error.getStatus() === 401) {
        const challenge = header ? 'Bearer realm="cocreacion", error="invalid_token"' : 'Bearer realm="cocreacion"';
        http.getResponse<Response>().setHeader('WWW-Authenticate', challenge);
      }
      throw error;
    }
  }
}
