// A second reference: hello world that also reads one KV key per request, as every page reads the pointer.
export default {
  async fetch(_request, env) {
    const pointer = await env.CONTENT.get("live", { type: "text", cacheTtl: 60 });
    return new Response(`Hello World! ${pointer ? "live" : "none"}`, {
      headers: { "Content-Type": "text/plain" },
    });
  },
};
