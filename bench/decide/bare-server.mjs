// The ceiling of this machine for an HTTP JSON answer: node:http, no
// framework, a fixed body. Prints its port once listening.
import http from "node:http";

const body = JSON.stringify({
  profileId: null,
  decisions: {
    "home-hero": {
      variantId: "v",
      experienceId: null,
      content: "<h1>Welcome</h1>",
      contentType: "html",
      reason: "default",
    },
  },
  unknownPlacements: [],
});
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => console.log(server.address().port));
process.on("SIGTERM", () => process.exit(0));
