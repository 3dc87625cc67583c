import type { Check } from "../../core/index.ts";
import { bucketListable } from "./bucket-listable.ts";
import { schemaExposed } from "./schema-exposed.ts";
import { signupOpen } from "./signup-open.ts";
import { tableReadable } from "./table-readable.ts";

export const supabaseChecks: readonly Check[] = [bucketListable, schemaExposed, signupOpen, tableReadable];
