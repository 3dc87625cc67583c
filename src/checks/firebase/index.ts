import type { Check } from "../../core/index.ts";
import { firestoreReadable } from "./firestore-readable.ts";
import { rtdbReadable } from "./rtdb-readable.ts";
import { storageListable } from "./storage-listable.ts";

export const firebaseChecks: readonly Check[] = [firestoreReadable, rtdbReadable, storageListable];
