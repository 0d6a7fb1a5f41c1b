// The Nu HTML checker's jar, from the test-tools package; it runs on the machine's
// Java (tests/tools/system.ts).
import { createRequire } from "node:module";

export const VNU_JAR = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");
