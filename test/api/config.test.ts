import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { ConfigError, DEFAULT_CONFIG, loadConfig } from "../../src/interfaces/server/config.ts";

describe("server configuration", () => {
  it("runs on embedded defaults: port 3000, ./data/, public addresses only, default ports only", () => {
    const config = loadConfig({}, []);
    assert.deepEqual(config, DEFAULT_CONFIG);
    assert.equal(config.port, 3000);
    assert.equal(config.databasePath, "data/amihackable.db");
    assert.deepEqual(config.allowAddresses, []);
    assert.equal(config.allowNonDefaultPorts, false);
    assert.equal(config.concurrency, 2);
  });

  it("reads PORT and the environment, and lets the command line win", () => {
    const env = {
      PORT: "8080",
      AMIHACKABLE_DB: ":memory:",
      AMIHACKABLE_ALLOW_ADDRESSES: "127.0.0.1, 10.0.0.0/8, ::1",
      AMIHACKABLE_ALLOW_NON_DEFAULT_PORTS: "1",
      AMIHACKABLE_CONCURRENCY: "4",
      AMIHACKABLE_TRUST_PROXY: "true",
      AMIHACKABLE_PUBLIC_URL: "https://scan.example/some/path",
      AMIHACKABLE_SCANS_PER_MINUTE: "30",
    };
    const config = loadConfig(env, []);
    assert.equal(config.port, 8080);
    assert.equal(config.databasePath, ":memory:");
    assert.deepEqual(config.allowAddresses, ["127.0.0.1", "10.0.0.0/8", "::1"]);
    assert.equal(config.allowNonDefaultPorts, true);
    assert.equal(config.concurrency, 4);
    assert.equal(config.trustProxy, true);
    assert.equal(config.publicUrl, "https://scan.example");
    assert.equal(config.scanRate.refillPerSecond, 0.5);
    assert.equal(loadConfig(env, ["--port", "9090"]).port, 9090);
    assert.equal(loadConfig(env, ["--port=9091", "--db", "x.db"]).databasePath, "x.db");
  });

  it("takes the DNS server from the operator's environment only, and refuses one that is not an address", () => {
    assert.equal(loadConfig({}, []).dnsServer, null);
    assert.deepEqual(loadConfig({ AMIHACKABLE_DNS_SERVER: "10.0.0.53:5353" }, []).dnsServer, {
      address: "10.0.0.53",
      port: 5353,
    });
    assert.throws(() => loadConfig({ AMIHACKABLE_DNS_SERVER: "dns.internal" }, []), ConfigError);
  });

  it("selects the scaled mode: a postgres:// database and a redis:// queue, from the environment or flags", () => {
    const fromEnv = loadConfig(
      {
        AMIHACKABLE_DB: "postgres://scanner@127.0.0.1:5440/scans",
        AMIHACKABLE_QUEUE: "redis://127.0.0.1:6390",
        AMIHACKABLE_QUEUE_PREFIX: "staging",
      },
      [],
    );
    assert.equal(fromEnv.databasePath, "postgres://scanner@127.0.0.1:5440/scans");
    assert.equal(fromEnv.queueUrl, "redis://127.0.0.1:6390");
    assert.equal(fromEnv.queuePrefix, "staging");
    const fromFlags = loadConfig({ AMIHACKABLE_QUEUE: "redis://a:1" }, [
      "--queue=redis://b:2",
      "--db",
      "x.db",
    ]);
    assert.equal(fromFlags.queueUrl, "redis://b:2");
    assert.equal(fromFlags.databasePath, "x.db");
    assert.equal(loadConfig({}, []).queueUrl, null, "embedded by default");
    assert.throws(() => loadConfig({}, ["--queue", "amqp://127.0.0.1"]), {
      message: "--queue takes a redis:// URL, not a amqp:// URL",
    });
    assert.throws(() => loadConfig({ AMIHACKABLE_DB: "mysql://h/db" }, []), ConfigError);
  });

  it("refuses settings it cannot honour, instead of ignoring them", () => {
    assert.throws(() => loadConfig({ PORT: "http" }, []), ConfigError);
    assert.throws(() => loadConfig({}, ["--port", "70000"]), ConfigError);
    assert.throws(() => loadConfig({}, ["--verbose"]), ConfigError);
    assert.throws(() => loadConfig({}, ["--port"]), ConfigError);
    assert.throws(() => loadConfig({ AMIHACKABLE_ALLOW_ADDRESSES: "localhost" }, []), /not an address/);
    assert.throws(() => loadConfig({ AMIHACKABLE_ALLOW_ADDRESSES: "10.0.0.0/33" }, []), ConfigError);
    assert.throws(() => loadConfig({ AMIHACKABLE_CONCURRENCY: "0" }, []), ConfigError);
  });

  it("answers `npm start -- --help` with its options and settings, exit 0, and starts no server", () => {
    const entry = new URL("../../src/interfaces/server/main.ts", import.meta.url).pathname;
    const result = spawnSync(process.execPath, [entry, "--help"], { encoding: "utf8", timeout: 30_000 });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Usage: npm start -- \[--port N\]/);
    const source = readFileSync(new URL("../../src/interfaces/server/config.ts", import.meta.url), "utf8");
    for (const name of new Set(source.match(/\bAMIHACKABLE_[A-Z_]+/g)))
      assert.match(result.stdout, new RegExp(`\\b${name}\\b`), `--help names ${name}`);
    assert.doesNotMatch(result.stderr, /listening/);
  });
});
