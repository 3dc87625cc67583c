import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawServerDefault } from "fastify";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { ScanLine } from "../../queue/index.ts";
import type { ScanStore } from "../../store/index.ts";
import type { ScanPolicy } from "../api/index.ts";
import type { ServerConfig } from "./config.ts";

/** The Fastify instance the routes are added to: route schemas type the handlers (TypeBox). */
export type Server = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** What every handler can reach: built once per server. */
export interface AppServices {
  config: ServerConfig;
  store: ScanStore;
  queue: ScanLine;
  policy: ScanPolicy;
  /**
   * Takes one of the client's scan allowances (the API and the form share them): 0 when allowed,
   * otherwise the seconds until one is back.
   */
  takeScanAllowance(request: FastifyRequest): Promise<number>;
  /** Open event streams, bounded so idle watchers cannot exhaust sockets. */
  streams: { open: number; max: number; maxPerClient: number; byClient: Map<string, number> };
}

declare module "fastify" {
  interface FastifyRequest {
    /** This response's CSP nonce. */
    nonce: string;
    /** Reached over https (directly, or through a trusted proxy that says so). */
    https: boolean;
    /** Rate-limit key for the client (client-address.ts). */
    client: string;
  }
}
