import type { Linter } from "eslint";

/** The layer rules of eslint.layers.js, typed for the test that proves they bite. */
export declare const layers: Linter.Config[];
