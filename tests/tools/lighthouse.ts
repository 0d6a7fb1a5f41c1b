// Lighthouse and the launcher it drives Chromium with, from the test-tools package (npm
// run lighthouse).
export { launch } from "chrome-launcher";
export { default as lighthouse } from "lighthouse";
