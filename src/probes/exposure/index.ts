import type { Probe } from "../probe.ts";
import { cloudBucketsProbe } from "./cloud-buckets.ts";
import { graphqlProbe } from "./graphql.ts";
import { mcpProbe } from "./mcp.ts";
import { exposureProbe } from "./probe.ts";
import { sourceMapsProbe } from "./source-maps.ts";

export const exposureProbes: readonly Probe[] = [
  exposureProbe,
  sourceMapsProbe,
  graphqlProbe,
  mcpProbe,
  cloudBucketsProbe,
];
