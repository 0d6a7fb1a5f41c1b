// The floor: the smallest Worker, served by the same harness as the site.
export default {
  fetch() {
    return new Response("Hello World!", { headers: { "Content-Type": "text/plain" } });
  },
};
