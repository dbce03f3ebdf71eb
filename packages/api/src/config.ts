/** The api's settings, parsed once by the server's env.ts and passed in. */
export interface ApiConfig {
  production: boolean;
  jwt: {
    /** HS256 key material (at least 32 bytes). */
    secret: Uint8Array;
    issuer: string;
    audience: string;
    accessTtlSeconds: number;
  };
  refreshTtlSeconds: number;
  clientSecretTtlSeconds: number;
  sessionIdleSeconds: number;
  maxSubscriptionsPerSocket: number;
  rateLimits: {
    loginPerIpPerMinute: number;
    loginFailuresPerAccountPerMinute: number;
    loginFailuresPerAccountPerHour: number;
    registerPerIpPerHour: number;
    searchPerIpPerMinute: number;
  };
}
