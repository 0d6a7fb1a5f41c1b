// The programs some tests need from the machine rather than from npm: a Chromium (browser tests,
// Lighthouse) and a Java runtime (the Nu HTML checker). Found where they usually are; installed
// from Debian when we may (root, apt).
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

export type SystemToolName = "chromium" | "java";

type SystemTool = {
  /** What the one-line messages call it. */
  label: string;
  /** An environment variable naming the executable; when set it is the only candidate. */
  env: string;
  /** Absolute paths to try, then command names looked up on PATH. */
  paths: (env: NodeJS.ProcessEnv) => string[];
  commands: string[];
  /** Debian packages that provide it. */
  debian: string[];
};

export const SYSTEM_TOOLS: Record<SystemToolName, SystemTool> = {
  chromium: {
    label: "Chromium",
    env: "CHROMIUM_PATH",
    paths: () => [
      "/usr/bin/chromium",
      "/usr/bin/chromium-browser",
      "/usr/bin/google-chrome-stable",
      "/usr/bin/google-chrome",
      "/snap/bin/chromium",
      "/Applications/Chromium.app/Contents/MacOS/Chromium",
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    ],
    commands: ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"],
    // The fonts: pages and screenshots render text the same on every machine. Liberation Sans
    // (Arial's metrics) is what the site's font stack finds on Linux; the phone-layout tests
    // measure the banner in it.
    debian: ["chromium", "fonts-dejavu-core", "fonts-liberation"],
  },
  java: {
    label: "Java runtime",
    env: "JAVA_PATH",
    paths: (env) => (env.JAVA_HOME ? [join(env.JAVA_HOME, "bin", "java")] : []),
    commands: ["java"],
    debian: ["default-jre-headless"],
  },
};

/** The first candidate that is an executable file, or null. */
export function findSystemTool(
  name: SystemToolName,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  const tool = SYSTEM_TOOLS[name];
  const given = env[tool.env];
  if (given) return isExecutable(given) ? given : null;
  const onPath = (env.PATH ?? "").split(delimiter).filter(Boolean);
  const candidates = [
    ...tool.paths(env),
    ...tool.commands.flatMap((command) => onPath.map((dir) => join(dir, command))),
  ];
  return candidates.find(isExecutable) ?? null;
}

/** What to do when a tool is missing, in one line. */
export function missingToolMessage(
  name: SystemToolName,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const tool = SYSTEM_TOOLS[name];
  if (env[tool.env])
    return `${tool.env}=${env[tool.env]} is not an executable file: point it at a ${tool.label}, or unset it.`;
  return `No ${tool.label} found: install it (Debian/Ubuntu: sudo apt-get install ${tool.debian.join(" ")}) or set ${tool.env} to its executable.`;
}

/** Whether this process may install Debian packages itself: root, with apt-get. */
export function canInstallDebianPackages(): boolean {
  return process.getuid?.() === 0 && isExecutable("/usr/bin/apt-get");
}

/**
 * Finds the tool or installs its Debian packages (root only); returns its path, or throws the
 * one-line message.
 */
export function ensureSystemTool(
  name: SystemToolName,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): string {
  const found = findSystemTool(name);
  if (found) return found;
  const tool = SYSTEM_TOOLS[name];
  if (process.env[tool.env] || !canInstallDebianPackages())
    throw new Error(missingToolMessage(name));
  log(`No ${tool.label} found: installing Debian's ${tool.debian.join(" ")} (apt-get, as root)…`);
  const apt = (args: string[]) =>
    spawnSync("apt-get", args, {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    }).status === 0;
  if (!apt(["update", "-qq"]) || !apt(["install", "-y", "-qq", ...tool.debian])) {
    throw new Error(
      `apt-get could not install ${tool.debian.join(" ")}: ${missingToolMessage(name)}`,
    );
  }
  const installed = findSystemTool(name);
  if (!installed)
    throw new Error(`apt-get installed ${tool.debian.join(" ")}, yet ${missingToolMessage(name)}`);
  return installed;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return !path.endsWith("/");
  } catch {
    return false;
  }
}
