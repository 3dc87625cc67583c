import { type Command, InvalidArgumentError } from "commander";
import { DnsServerSyntaxError, parseDnsServer, type DnsServerAddress } from "../../http/index.ts";

/** What `--dns-server` gives the scan command's action. */
export interface DnsServerCliOption {
  dnsServer?: DnsServerAddress;
}

function dnsServerArgument(value: string): DnsServerAddress {
  try {
    return parseDnsServer(value);
  } catch (error) {
    if (error instanceof DnsServerSyntaxError)
      throw new InvalidArgumentError(`--dns-server: ${error.message}`);
    throw error;
  }
}

/**
 * `--dns-server ADDR[:PORT]`, like `dig @server`: every DNS question of the scan goes there (the records
 * the dns checks read, zone transfers' name-server addresses, and the addresses connections use);
 * without it the system resolver answers. `--resolve`/`--connect-to` pins still win for the hosts they name.
 */
export function withDnsServerOption(command: Command): Command {
  return command.option(
    "--dns-server <address[:port]>",
    "send every DNS lookup of the scan to this server, like dig @server (default: the system resolver)",
    dnsServerArgument,
  );
}
