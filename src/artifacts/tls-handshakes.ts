import { defineProbeArtifact, type Recording, type HandshakeRecord, type TlsVersion } from "../core/index.ts";

/** The probe that tries retired TLS versions with bare handshakes (written by probes/tls, read here). */
export const VERSIONS_PROBE = "tls-versions";
/** Its handshake offering one retired version only. */
export const LEGACY_ROLE = "legacy";
/** Versions RFC 8996 retired; each gets one handshake offering only that version. */
export const LEGACY_VERSIONS: readonly TlsVersion[] = ["TLSv1", "TLSv1.1"];

/** The tls-versions probe's bare handshakes, one per retired version tried, with what the server did. */
export const TlsHandshakes = defineProbeArtifact(
  "tls-handshakes",
  (recording: Recording): HandshakeRecord[] =>
    (recording.handshakes ?? []).filter(
      (handshake) => handshake.probe === VERSIONS_PROBE && handshake.labels.role === LEGACY_ROLE,
    ),
);
