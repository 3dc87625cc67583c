import type { Exchange } from "../core/index.ts";

/** One sentence for a user whose target could not be reached, by the kind of failure. */
export function unreachableSentence(exchange: Exchange): string {
  const url = new URL(exchange.request.url);
  const host = url.host;
  const error = exchange.error;
  switch (error?.code) {
    case "dns":
      return `Could not find ${url.hostname}: the name does not resolve (check the spelling of the address).`;
    case "refused":
      return `${host} refused the connection: nothing is listening there (is the server running, and on this port?).`;
    case "reset":
      return `${host} closed the connection without answering.`;
    case "tls":
      return `Could not set up HTTPS with ${host}: ${error.message}.`;
    case "timeout":
      return `${host} did not answer in time.`;
    case "deadline":
      return `The scan's time limit passed before ${host} answered.`;
    case "blocked-address":
      // Only a server refuses addresses and ports; its operator may lift the rule on purpose (a staging
      // site on the LAN), so the sentence names the setting.
      return /\bport\b/.test(error.message)
        ? `Refused to scan ${host}: ${error.message}. The server's operator can allow other ports with AMIHACKABLE_ALLOW_NON_DEFAULT_PORTS=1.`
        : `Refused to scan ${host}: ${error.message}. The server's operator can allow an address with AMIHACKABLE_ALLOW_ADDRESSES (addresses or CIDR ranges, comma-separated).`;
    case "too-many-redirects":
      return `The page redirects in a loop (${error.message}, the last to ${exchange.request.url}).`;
    case "invalid-response":
      return `${host} sent a response the scanner could not accept: ${error.message}.`;
    case "budget":
      return "The request budget was used up before the page was fetched.";
    default:
      return `Could not fetch ${exchange.request.url}: ${error?.message ?? "unknown error"}.`;
  }
}
