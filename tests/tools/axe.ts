// axe-core's browser bundle, from the test-tools package: injected into pages by
// tests/helpers/browser.ts.
import axe from "axe-core";

export const AXE_SOURCE: string = axe.source;
