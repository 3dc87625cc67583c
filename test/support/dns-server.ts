import dgram from "node:dgram";
import net from "node:net";
import dnsPacket from "dns-packet";

/** One record of a test zone, in dns-packet's shape (name without trailing dot). */
export type ZoneRecord = dnsPacket.Answer;

export interface TestDnsServer {
  /** UDP and TCP listen on this port of 127.0.0.1. */
  port: number;
  /** "127.0.0.1:PORT", for --dns-server / the dnsServer scan option. */
  address: string;
  /** Every question received, "TYPE name" (AXFR included), so a test can say what a scan asked. */
  questions: string[];
  /** Zones whose AXFR is answered (others are refused, as a well-run server does). */
  close(): Promise<void>;
}

export interface DnsServerOptions {
  /** The records served; a name with no record of any type is NXDOMAIN. */
  records: readonly ZoneRecord[];
  /** Zones handed to anyone who asks for an AXFR over TCP; every other AXFR is REFUSED. */
  openTransfers?: readonly string[];
}

const lower = (name: string) => name.toLowerCase().replace(/\.$/, "");

/**
 * A small authoritative DNS server on loopback for tests (UDP and TCP on one port, built on dns-packet):
 * it answers from the records a test gives, follows nothing, says NXDOMAIN for unknown names and NODATA
 * for known names without the type asked, adds a CNAME (and what it points to, when served here) for
 * other types, and hands out a zone by AXFR over TCP only when the test opens it. Never real DNS.
 */
export async function startDnsServer(options: DnsServerOptions): Promise<TestDnsServer> {
  const questions: string[] = [];
  const records = options.records.map((record) => ({ ...record, name: lower(record.name) }));
  const open = new Set((options.openTransfers ?? []).map(lower));

  const answer = (query: dnsPacket.Packet): dnsPacket.Packet => {
    const question = query.questions?.[0];
    const base = {
      type: "response" as const,
      id: query.id ?? 0,
      flags: dnsPacket.AUTHORITATIVE_ANSWER,
      questions: query.questions ?? [],
    };
    if (!question) return { ...base, flags: base.flags | 1 /* FORMERR */ };
    const name = lower(question.name);
    questions.push(`${question.type} ${name}`);
    const atName = records.filter((record) => record.name === name);
    if (atName.length === 0) return { ...base, flags: base.flags | 3 /* NXDOMAIN */, answers: [] };
    const direct = atName.filter((record) => record.type === question.type);
    if (direct.length > 0 || question.type === "CNAME") return { ...base, answers: direct };
    const cname = atName.find((record) => record.type === "CNAME");
    if (cname) {
      const target = lower(String((cname as { data: unknown }).data));
      const followed = records.filter((record) => record.name === target && record.type === question.type);
      const targetKnown = records.some((record) => record.name === target);
      // A CNAME to a name this server does not know is dangling: the answer says NXDOMAIN with the CNAME.
      return { ...base, flags: base.flags | (targetKnown ? 0 : 3), answers: [cname, ...followed] };
    }
    return { ...base, answers: [] };
  };

  const transfer = (query: dnsPacket.Packet): dnsPacket.Packet[] => {
    const zone = lower(query.questions?.[0]?.name ?? "");
    questions.push(`AXFR ${zone}`);
    const base = {
      type: "response" as const,
      id: query.id ?? 0,
      flags: dnsPacket.AUTHORITATIVE_ANSWER,
      questions: query.questions ?? [],
    };
    if (!open.has(zone)) return [{ ...base, flags: base.flags | 5 /* REFUSED */, answers: [] }];
    const soa = records.find((record) => record.name === zone && record.type === "SOA") ?? {
      name: zone,
      type: "SOA" as const,
      data: {
        mname: `ns1.${zone}`,
        rname: `hostmaster.${zone}`,
        serial: 1,
        refresh: 3600,
        retry: 600,
        expire: 86400,
        minimum: 60,
      },
    };
    const inZone = records.filter(
      (record) => (record.name === zone || record.name.endsWith(`.${zone}`)) && record.type !== "SOA",
    );
    // Two messages, as real servers split large zones: SOA and half, then the rest and the closing SOA.
    const half = Math.ceil(inZone.length / 2);
    return [
      { ...base, answers: [soa, ...inZone.slice(0, half)] },
      { ...base, answers: [...inZone.slice(half), soa] },
    ];
  };

  const udp = dgram.createSocket("udp4");
  udp.on("message", (message, remote) => {
    let query: dnsPacket.Packet;
    try {
      query = dnsPacket.decode(message);
    } catch {
      return;
    }
    udp.send(dnsPacket.encode(answer(query)), remote.port, remote.address);
  });

  const sockets = new Set<net.Socket>();
  const tcp = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    let pending = Buffer.alloc(0);
    socket.on("error", () => socket.destroy());
    socket.on("data", (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
        const length = pending.readUInt16BE(0);
        const query = dnsPacket.decode(pending.subarray(2, 2 + length));
        pending = pending.subarray(2 + length);
        const replies = query.questions?.[0]?.type === "AXFR" ? transfer(query) : [answer(query)];
        for (const reply of replies) socket.write(dnsPacket.streamEncode(reply));
        if (query.questions?.[0]?.type === "AXFR") socket.end();
      }
    });
  });

  // One port for both: take a free TCP port, then bind UDP to the same number.
  await new Promise<void>((resolve, reject) => {
    tcp.once("error", reject);
    tcp.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (tcp.address() as net.AddressInfo).port;
  await new Promise<void>((resolve, reject) => {
    udp.once("error", reject);
    udp.bind(port, "127.0.0.1", () => resolve());
  });

  return {
    port,
    address: `127.0.0.1:${port}`,
    questions,
    close: async () => {
      await new Promise<void>((resolve) => udp.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => tcp.close(() => resolve()));
    },
  };
}

/** A zone a careful site publishes: SPF ending in -all, DMARC reject, CAA, MX, NS, an A record. */
export function wellConfiguredZone(domain: string, hosts: readonly string[] = []): ZoneRecord[] {
  return [
    { name: domain, type: "A", data: "127.0.0.1" },
    ...hosts.map((host): ZoneRecord => ({ name: host, type: "A", data: "127.0.0.1" })),
    { name: domain, type: "MX", data: { preference: 10, exchange: `mail.${domain}` } },
    { name: `mail.${domain}`, type: "A", data: "127.0.0.1" },
    { name: domain, type: "TXT", data: ["v=spf1 mx -all"] },
    { name: `_dmarc.${domain}`, type: "TXT", data: ["v=DMARC1; p=reject; rua=mailto:dmarc@" + domain] },
    { name: domain, type: "CAA", data: { flags: 0, tag: "issue", value: "letsencrypt.org" } },
    { name: domain, type: "NS", data: `ns1.${domain}` },
    { name: `ns1.${domain}`, type: "A", data: "127.0.0.1" },
  ];
}
