// The Worker's entry: everything happens in handleRequest.
import { handleRequest } from "./router.ts";

export default {
  fetch: handleRequest,
} satisfies ExportedHandler<Env>;
