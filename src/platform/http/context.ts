import type { Actor } from '../../kernel/actor.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook for signed-in requests. */
    actor: Actor | null;
    /** Session facts the identity module needs later in the request (CSRF, forced password change). */
    session: { id: string; csrfToken: string; mustChangePassword: boolean } | null;
    /** Scopes of the API key that authenticated the request, if any. */
    apiScopes: string[] | null;
  }
}
