import { InvalidArgumentError } from "commander";
import { DnsServerSyntaxError, parseDnsServer, type DnsServerAddress } from "../../http/index.ts";

/**
 * `--dns-server ADDR[:PORT]`, like `dig @server`: every DNS question of the scan goes there (the records
 * the dns checks read, zone transfers' name-server addresses, and the addresses connections use);
 * without it the system resolver answers. `--resolve`/`--connect-to` pins still win for the hosts they name.
 * Parsed when the scan starts (not as commander parses argv) so that main.ts loads no network code.
 */
export function dnsServerOption(value: string | undefined): DnsServerAddress | null {
  if (value === undefined) return null;
  try {
    return parseDnsServer(value);
  } catch (error) {
    if (error instanceof DnsServerSyntaxError)
      throw new InvalidArgumentError(`--dns-server: ${error.message}`);
    throw error;
  }
}
