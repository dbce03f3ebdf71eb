import { createLimits, type Limits } from './auth/limits';
import { RevocationMemory } from './auth/revocations';
import type { KnownRole } from './auth/roles';
import type { AccessClaims } from './auth/tokens';
import { WidgetOrigins } from './auth/widget-origins';
import type { ApiServices } from './context';
import type { ConversationFanout } from './events/fanout';
import { RunExecutor } from './runs/executor';

/**
 * What one server instance keeps in memory between calls: rate limiters, what it knows
 * about roles, tokens and revocations, its conversations' fan-outs and the runs it
 * executes. Built once per server (`createServices`) and passed in with the other
 * services, so two servers in one process (as in tests) never share any of it. Each part
 * is made on first use: a server that never streams holds no fan-out registry.
 */
export class InstanceState {
  #limits: Limits | undefined;
  #revocations: RevocationMemory | undefined;
  #runs: RunExecutor | undefined;
  #widgetOrigins: WidgetOrigins | undefined;
  /** userId -> role (roles.ts). */
  readonly roles = new Map<string, KnownRole>();
  /** Access token -> its verified claims and expiry (identity.ts). */
  readonly verifiedTokens = new Map<string, { claims: AccessClaims; expiresAtMs: number }>();
  /** conversationId -> its fan-out to this instance's live streams (fanout.ts). */
  readonly fanouts = new Map<string, ConversationFanout>();

  constructor(private readonly services: ApiServices) {}

  get limits(): Limits {
    this.#limits ??= createLimits(this.services);
    return this.#limits;
  }

  get revocations(): RevocationMemory {
    this.#revocations ??= new RevocationMemory(this.services.infra.bus);
    return this.#revocations;
  }

  get runs(): RunExecutor {
    this.#runs ??= new RunExecutor(this.services);
    return this.#runs;
  }

  /** Which foreign origins live widget sessions allow, remembered for a moment. */
  get widgetOrigins(): WidgetOrigins {
    this.#widgetOrigins ??= new WidgetOrigins(this.services);
    return this.#widgetOrigins;
  }

  /** The run executor if one was made (shutdown must not make one). */
  get runsIfStarted(): RunExecutor | undefined {
    return this.#runs;
  }
}

/** The services of one server instance, with its own in-memory state. */
export function createServices(parts: Omit<ApiServices, 'instance'>): ApiServices {
  const services = { ...parts } as ApiServices;
  services.instance = new InstanceState(services);
  return services;
}
