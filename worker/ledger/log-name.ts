// The name of the one log instance: every append goes to the Durable Object of this name.
export const LOG_NAME = "consent-log";
